// The error catalogue: every error a person can meet has a stable code, an HTTP status and a message from the
// i18n catalogue (kernel/i18n: French by default, English too). Tests assert codes, seldom wording.
// A 500 never shows its internal message: the app's onError (src/app.ts) logs it and shows errors.code.INTERNAL.
import { currentLang, render, type Lang, type MessageRef, type PlainKey } from './i18n/index.ts';

export { plain, untranslated, type Message, type MessageParam, type MessageRef, type PlainKey } from './i18n/index.ts';

export const errorCatalogue = {
  NOT_FOUND: { status: 404, message: 'errors.code.NOT_FOUND' },
  GONE: { status: 410, message: 'errors.code.GONE' },
  BAD_PATH: { status: 400, message: 'errors.code.BAD_PATH' },
  BAD_INPUT: { status: 400, message: 'errors.code.BAD_INPUT' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'errors.code.PAYLOAD_TOO_LARGE' },
  UNSUPPORTED_MEDIA: { status: 415, message: 'errors.code.UNSUPPORTED_MEDIA' },
  UNAUTHENTICATED: { status: 401, message: 'errors.code.UNAUTHENTICATED' },
  FORBIDDEN: { status: 403, message: 'errors.code.FORBIDDEN' },
  CSRF: { status: 403, message: 'errors.code.CSRF' },
  CONFLICT: { status: 409, message: 'errors.code.CONFLICT' },
  TOO_MANY_REQUESTS: { status: 429, message: 'errors.code.TOO_MANY_REQUESTS' },
  INTERNAL: { status: 500, message: 'errors.code.INTERNAL' },
  DATA_DIR_UNWRITABLE: { status: 500, message: 'errors.code.DATA_DIR_UNWRITABLE' },
  DATABASE_UNREACHABLE: { status: 500, message: 'errors.code.DATABASE_UNREACHABLE' },
  PORT_IN_USE: { status: 500, message: 'errors.code.PORT_IN_USE' },
  STORAGE_UNAVAILABLE: { status: 503, message: 'errors.code.STORAGE_UNAVAILABLE' },
  BUSY: { status: 503, message: 'errors.code.BUSY' },
} as const satisfies Record<string, { status: number; message: PlainKey }>;

export type ErrorCode = keyof typeof errorCatalogue;

/**
 * The message given, or else the code's own. Two returns, not `message ?? …`: TypeScript would build the union
 * of both sides' types, too large past a few hundred catalogue keys (TS2590).
 */
function messageOrDefault(message: MessageRef | undefined, code: ErrorCode): MessageRef {
  if (message !== undefined) return message;
  return errorCatalogue[code].message;
}

export interface TisseErrorOptions {
  /** Per-field messages for forms (field name → message). */
  fields?: Record<string, MessageRef>;
  cause?: unknown;
}

/**
 * An error meant for people: its message is safe to show, its code is stable. The message is a catalogue key
 * (with its placeholders' values), so `.message` reads in the language of the request that raised it (French elsewhere) and `messageIn(lang)` in any.
 */
export class TisseError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Per-field messages for forms (field name → message in the language of the request that raised it). */
  readonly fields: Record<string, string> | undefined;
  /** The catalogue message behind `.message` (the code's default message when none was given). */
  readonly text: MessageRef;
  /** The catalogue messages behind `fields`. */
  readonly fieldTexts: Record<string, MessageRef> | undefined;

  constructor(code: ErrorCode, message?: MessageRef, options?: TisseErrorOptions) {
    const text = messageOrDefault(message, code);
    super(render(text), { cause: options?.cause });
    this.name = 'TisseError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.text = text;
    this.fieldTexts = options?.fields;
    this.fields = this.fieldsIn(currentLang());
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return render(this.text, lang);
  }

  /** The per-field messages in `lang`. */
  fieldsIn(lang: Lang): Record<string, string> | undefined {
    const texts = this.fieldTexts;
    return texts && Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, render(text, lang)]));
  }
}

export function isTisseError(error: unknown): error is TisseError {
  return error instanceof TisseError;
}
