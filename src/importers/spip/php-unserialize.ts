// Reads PHP's serialize() format, as SPIP stores it in spip_meta, spip_versions.champs and
// spip_versions_fragments. Only data types (no objects): a backup never needs them, and refusing them
// means a crafted value cannot ask for anything but plain data. String lengths are in bytes (UTF-8).
export type PhpValue = string | number | boolean | null | PhpArray;
/** A PHP array keeps its keys' order; keys are ints or strings. */
export type PhpArray = Map<string | number, PhpValue>;

export class PhpUnserializeError extends Error {}

export function phpUnserialize(input: string | Buffer): PhpValue {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let pos = 0;

  const fail = (what: string): never => {
    throw new PhpUnserializeError(`${what} at byte ${pos}`);
  };
  const expect = (char: string) => {
    if (bytes[pos] !== char.charCodeAt(0)) fail(`expected '${char}'`);
    pos++;
  };
  const readUntil = (char: string): string => {
    const end = bytes.indexOf(char.charCodeAt(0), pos);
    if (end < 0) fail(`missing '${char}'`);
    const text = bytes.toString('latin1', pos, end);
    pos = end + 1;
    return text;
  };
  const readInt = (end: string): number => {
    const text = readUntil(end);
    if (!/^-?\d+$/.test(text)) fail('bad integer');
    return Number(text);
  };

  const value = (): PhpValue => {
    const type = String.fromCharCode(bytes[pos] ?? 0);
    pos++;
    if (type === 'N') {
      expect(';');
      return null;
    }
    expect(':');
    switch (type) {
      case 'i':
        return readInt(';');
      case 'b':
        return readInt(';') !== 0;
      case 'd': {
        const n = Number(readUntil(';'));
        return Number.isNaN(n) ? fail('bad float') : n;
      }
      case 's': {
        const length = readInt(':');
        expect('"');
        if (pos + length > bytes.length) fail('string past the end');
        const text = bytes.toString('utf8', pos, pos + length);
        pos += length;
        expect('"');
        expect(';');
        return text;
      }
      case 'a': {
        const count = readInt(':');
        expect('{');
        const map: PhpArray = new Map();
        for (let i = 0; i < count; i++) {
          const key = value();
          if (typeof key !== 'string' && typeof key !== 'number') fail('bad array key');
          map.set(key as string | number, value());
        }
        expect('}');
        return map;
      }
      default:
        return fail(`unsupported type '${type}'`);
    }
  };

  const result = value();
  if (pos !== bytes.length) fail('trailing data');
  return result;
}
