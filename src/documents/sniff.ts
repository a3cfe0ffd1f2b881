// Content sniffing: what a file really is, from its first bytes, whatever its name claims. A file whose
// content does not match its extension is refused, so that a script named photo.jpg or a page named
// notes.pdf never lands in the documents folder.
import type { Signature } from './types.ts';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** The signature found in `bytes`, or undefined for an unknown binary format. */
export function sniff(bytes: Uint8Array): Signature | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, ascii('ID3')) || (bytes.length > 1 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0)) return 'mp3';
  if (startsWith(bytes, ascii('OggS'))) return 'ogg';
  // ISO media files share the `ftyp` box; its brand tells an AVIF image from a video.
  if (startsWith(bytes, ascii('ftyp'), 4)) return startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8) ? 'avif' : 'mp4';
  if (isPlainText(bytes)) return 'text';
  return undefined;
}

/**
 * UTF-8 text without NUL bytes and without markup that a browser might execute if it ever ignored the
 * served type (an HTML or SVG file renamed .txt).
 */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
  } catch {
    return false;
  }
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  return !['<!doctype', '<html', '<svg', '<script', '<?xml'].some((tag) => head.startsWith(tag));
}

/** For an OpenDocument file: its first ZIP entry must be `mimetype`, stored, holding the declared type. */
export function odfMimeType(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30) return undefined;
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const size = view.getUint32(18, true);
  const name = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
  if (name !== 'mimetype') return undefined;
  const start = 30 + nameLength + extraLength;
  return new TextDecoder().decode(bytes.subarray(start, start + Math.min(size, 200)));
}
