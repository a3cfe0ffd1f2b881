// The error catalogue: every error a person can meet has a stable code, an HTTP status and a French message.
// Tests assert codes, never wording. A 500 never shows its internal message (see site/errors).
export const errorCatalogue = {
  NOT_FOUND: { status: 404, message: 'Cette page n’existe pas ou plus.' },
  GONE: { status: 410, message: 'Ce contenu a été supprimé.' },
  BAD_PATH: { status: 400, message: 'L’adresse demandée est mal formée.' },
  BAD_INPUT: { status: 400, message: 'Les données envoyées ne sont pas valides.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Les données envoyées sont trop volumineuses.' },
  UNSUPPORTED_MEDIA: { status: 415, message: 'Ce type de contenu n’est pas accepté.' },
  UNAUTHENTICATED: { status: 401, message: 'Veuillez vous identifier.' },
  FORBIDDEN: { status: 403, message: 'Vous n’avez pas le droit de faire cela.' },
  CSRF: { status: 403, message: 'Le formulaire a expiré ou vient d’un autre site ; rechargez la page et recommencez.' },
  CONFLICT: { status: 409, message: 'Ce contenu a été modifié entre-temps.' },
  TOO_MANY_REQUESTS: { status: 429, message: 'Trop de tentatives ; réessayez dans quelques minutes.' },
  INTERNAL: { status: 500, message: 'Une erreur inattendue s’est produite. Elle a été enregistrée.' },
  DATA_DIR_UNWRITABLE: { status: 500, message: 'Le répertoire de données n’est pas accessible en écriture.' },
  DATABASE_UNREACHABLE: { status: 500, message: 'La base de données est injoignable.' },
  PORT_IN_USE: { status: 500, message: 'Le port est déjà utilisé par un autre programme.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** An error meant for people: its message is safe to show, its code is stable. */
export class TisseError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Per-field messages for forms (field name → French message). */
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message?: string, options?: { fields?: Record<string, string>; cause?: unknown }) {
    super(message ?? errorCatalogue[code].message, { cause: options?.cause });
    this.name = 'TisseError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.fields = options?.fields;
  }
}

export function isTisseError(error: unknown): error is TisseError {
  return error instanceof TisseError;
}
