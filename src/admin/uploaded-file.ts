// The file of an upload form, checked before it is read into memory: one was chosen, it is not empty, it is not
// over the limit. What it holds is judged after, by documents/ (uploadDocument sniffs, decodes, measures).
import { TisseError } from '../kernel/errors.ts';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** The file sent as `value` (one entry of a parsed multipart body), or a refusal meant for people. */
export async function uploadedFile(value: unknown, maxBytes: number): Promise<UploadedFile> {
  if (!(value instanceof File) || value.size === 0) throw new TisseError('BAD_INPUT', 'errors.documents.noFile', { fields: { file: 'errors.field.noFile' } });
  if (value.size > maxBytes) {
    throw new TisseError('PAYLOAD_TOO_LARGE', { key: 'errors.documents.tooLargeMb', params: { size: maxBytes / 1024 / 1024 } }, { fields: { file: 'errors.field.tooLarge' } });
  }
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}
