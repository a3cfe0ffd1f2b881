// Chooses the document storage from the configuration: the data folder, unless TISSE_STORAGE_URL names an
// S3-compatible bucket (the SDK is loaded only then).
import type { Config } from '../kernel/config.ts';
import type { Storage } from './file-storage.ts';
import { localStorage } from './local-storage.ts';

export async function openStorage(config: Pick<Config, 'dataDir' | 'storageUrl'>): Promise<Storage> {
  if (!config.storageUrl) return localStorage(config.dataDir);
  const { s3Storage, parseS3Url } = await import('./s3-storage.ts');
  return s3Storage(parseS3Url(config.storageUrl));
}
