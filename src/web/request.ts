// Request parsing, the one layer between HTTP and the operations: path ids (malformed or out of range → 404),
// query values (→ 400), and forms read strictly — bytes that are not UTF-8, raw or percent-encoded, and NUL
// characters are refused (400) rather than silently replaced, so what is stored is exactly what was typed.
// Nothing here touches the database: an operation sees only values of the right shape.
import type { Context } from 'hono';
import type { z } from 'zod';
import { TisseError, type MessageRef } from '../kernel/errors.ts';
import { parseId } from '../kernel/input.ts';
import { parseInput } from '../kernel/validation.ts';

/** A form's fields as strings, arrays for repeated names (checkboxes, multiple selects). */
export type FormFields = Record<string, string | string[]>;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function badEncoding(): TisseError {
  return new TisseError('BAD_INPUT', 'errors.input.badEncoding');
}

/** The id a path names; a malformed or impossible one names nothing: 404 with `notFound`'s message. */
export function pathId(c: Context, name: string, notFound: MessageRef): number {
  const id = parseId(c.req.param(name));
  if (id === undefined) throw new TisseError('NOT_FOUND', notFound);
  return id;
}

/** An optional id in the query string: undefined when absent or empty, 400 when malformed. */
export function queryId(c: Context, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const id = parseId(raw);
  if (id === undefined) throw new TisseError('BAD_INPUT', { key: 'errors.input.badParameter', params: { name } });
  return id;
}

/** Query values checked by a zod schema (unknown names are left out by the schema): 400 when one is malformed. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  try {
    return parseInput(schema, c.req.query());
  } catch (error) {
    if (error instanceof TisseError && error.fields) {
      throw new TisseError('BAD_INPUT', { key: 'errors.input.badParameter', params: { name: Object.keys(error.fields)[0] ?? '' } });
    }
    throw error;
  }
}

/** Decodes an urlencoded body; throws BAD_INPUT on bytes or escapes that are not UTF-8, or on a NUL. */
export function decodeUrlencoded(bytes: Uint8Array): FormFields {
  let body: string;
  try {
    body = strictUtf8.decode(bytes);
  } catch {
    throw badEncoding();
  }
  const out: FormFields = {};
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replaceAll('+', ' '));
      value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1).replaceAll('+', ' '));
    } catch {
      throw badEncoding();
    }
    if (name.includes('\u0000') || value.includes('\u0000')) throw badEncoding();
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/**
 * Checks the text parts of a multipart body (those without a filename) are UTF-8 without NUL: the platform's
 * FormData would replace bad bytes with U+FFFD without a word. File parts are binary and left to their route.
 */
export function checkMultipartText(bytes: Uint8Array, contentType: string): void {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw new TisseError('BAD_INPUT', 'errors.input.notAForm');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const delimiter = Buffer.from(`--${(boundary[1] ?? boundary[2]!).trim()}`);
  let at = buffer.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    const next = buffer.indexOf(delimiter, start);
    if (next < 0) break;
    const part = buffer.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('latin1');
      if (!/filename\*?=/i.test(headers)) {
        let text: string;
        try {
          text = strictUtf8.decode(part.subarray(headerEnd + 4, Math.max(headerEnd + 4, part.length - 2)));
        } catch {
          throw badEncoding();
        }
        if (text.includes('\u0000')) throw badEncoding();
      }
    }
    at = next;
  }
}

/** Reads a form's fields, whatever the encoding (urlencoded or multipart); files are left to their route. */
export async function formFields(c: Context): Promise<FormFields> {
  const type = c.req.header('content-type') ?? '';
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) return decodeUrlencoded(new Uint8Array(await c.req.arrayBuffer()));
  if (!/^multipart\/form-data\b/i.test(type)) throw new TisseError('UNSUPPORTED_MEDIA', 'errors.input.notAForm');
  checkMultipartText(new Uint8Array(await c.req.arrayBuffer()), type);
  const body = await c.req.parseBody({ all: true });
  const out: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[name] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') out[name] = value;
  }
  return out;
}
