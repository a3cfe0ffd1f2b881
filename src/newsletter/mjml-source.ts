// MJML source written as a tagged template that escapes every interpolated value (text and attributes alike),
// unless it is Mjml already: a fragment built the same way, or HTML the markup engine made (trustedMjml). No user
// text reaches the letter's markup unescaped.

export class Mjml {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function part(value: unknown): string {
  if (value instanceof Mjml) return value.source;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  return escape(String(value));
}

export function mjml(strings: TemplateStringsArray, ...values: unknown[]): Mjml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new Mjml(out);
}

/** HTML the markup engine produced (its profile's allow-list): written as it is inside an <mj-text>. */
export function trustedMjml(html: string): Mjml {
  return new Mjml(html);
}
