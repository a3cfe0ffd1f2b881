// The first administrator's login, printed once by `tisse serve` and `tisse init` when they create it.
export function printAdmin(admin: { email: string; password: string; generated: boolean }): void {
  console.log('Compte administrateur créé :');
  console.log(`  identifiant : ${admin.email}`);
  console.log(admin.generated ? `  mot de passe : ${admin.password}  (affiché une seule fois : notez-le)` : '  mot de passe : celui de TISSE_ADMIN_PASSWORD');
  console.log('  espace privé : /ecrire/');
}
