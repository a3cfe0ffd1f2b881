// The kinds of file the site accepts, by extension: the MIME type it is served with, its media family,
// and the signature its content must carry. Anything not listed is refused (SVG included: it can carry
// script). This is the one list: uploads are checked against it and the public site serves documents with
// its types (documentContentType).
export type Media = 'image' | 'file' | 'audio' | 'video';

/** What the bytes really are, as found by sniff.ts. */
export type Signature = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'pdf' | 'zip' | 'mp3' | 'mp4' | 'ogg' | 'text';

export interface DocumentType {
  mime: string;
  media: Media;
  signature: Signature;
  /** For ZIP-based office files, the `mimetype` entry an OpenDocument file starts with. */
  odfMime?: string;
}

export const documentTypes: Record<string, DocumentType> = {
  jpg: { mime: 'image/jpeg', media: 'image', signature: 'jpeg' },
  png: { mime: 'image/png', media: 'image', signature: 'png' },
  gif: { mime: 'image/gif', media: 'image', signature: 'gif' },
  webp: { mime: 'image/webp', media: 'image', signature: 'webp' },
  avif: { mime: 'image/avif', media: 'image', signature: 'avif' },
  pdf: { mime: 'application/pdf', media: 'file', signature: 'pdf' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', media: 'file', signature: 'zip', odfMime: 'application/vnd.oasis.opendocument.text' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', media: 'file', signature: 'zip', odfMime: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', media: 'file', signature: 'zip', odfMime: 'application/vnd.oasis.opendocument.presentation' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', media: 'file', signature: 'zip' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', media: 'file', signature: 'zip' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', media: 'file', signature: 'zip' },
  zip: { mime: 'application/zip', media: 'file', signature: 'zip' },
  txt: { mime: 'text/plain', media: 'file', signature: 'text' },
  csv: { mime: 'text/csv', media: 'file', signature: 'text' },
  mp3: { mime: 'audio/mpeg', media: 'audio', signature: 'mp3' },
  ogg: { mime: 'audio/ogg', media: 'audio', signature: 'ogg' },
  mp4: { mime: 'video/mp4', media: 'video', signature: 'mp4' },
};

/** Other spellings of an accepted extension. */
const aliases: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg', oga: 'ogg' };

/** The canonical extension of a file name ('Photo.JPEG' → 'jpg'), or undefined when it has none. */
export function extensionOf(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return undefined;
  const ext = base.slice(dot + 1).toLowerCase();
  return aliases[ext] ?? ext;
}

export const acceptedExtensions = Object.keys(documentTypes);

/** The Content-Type a stored document is served with; a file of a type not in the list downloads as bytes. */
export function documentContentType(file: string): string {
  const ext = extensionOf(file);
  const mime = ext ? documentTypes[ext]?.mime : undefined;
  if (!mime) return 'application/octet-stream';
  // Text documents are checked to be UTF-8 on upload (sniff.ts): say so, or browsers guess.
  return mime.startsWith('text/') ? `${mime}; charset=utf-8` : mime;
}

/** Default upload limit; the back office shows it next to the file field. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
