// Rows of spip_groupes_mots and spip_mots as the backup holds them, read by the keyword and glossary mappers.
export interface SpipGroupe {
  id_groupe: number;
  titre: string;
  descriptif: string;
  texte: string;
  unseul: string;
  obligatoire: string;
  tables_liees: string;
}

export interface SpipMot {
  id_mot: number;
  titre: string;
  descriptif: string;
  texte: string;
  id_groupe: number;
  maj: string | null;
}
