// The signatures of a petition as CSV (RFC 4180, with a BOM so spreadsheet programs read UTF-8): every field
// quoted, and a cell starting with = + - @ (or a tab / carriage return) prefixed with a quote, so a signer's name
// never runs as a formula in the spreadsheet of the team that opens it.
import type { Signature } from './petitions.ts';

const header = ['nom', 'email', 'site', 'adresse du site', 'message', 'affichée', 'statut', 'signée le', 'confirmée le'];
const statusLabel = { pending: 'en attente de confirmation', confirmed: 'confirmée', trash: 'à la poubelle' } as const;

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function signaturesCsv(signatures: Signature[]): string {
  const lines = [header.map(cell).join(',')];
  for (const s of signatures) {
    lines.push([s.name, s.email, s.site_name, s.site_url, s.message, s.shown ? 'oui' : 'non', statusLabel[s.status], s.created_at, s.confirmed_at ?? ''].map(cell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
