// A file's size as people read it, in the interface language: "12 Ko", "1,5 Mo" in French, "12 KB", "1.5 MB" in English.
import { t } from './i18n/index.ts';
import { currentLang, type Lang } from './i18n/current-lang.ts';

export function formatSize(bytes: number, lang: Lang = currentLang()): string {
  if (bytes < 1024) return t('size.bytes', { n: bytes }, lang);
  if (bytes < 1024 * 1024) return t('size.kilobytes', { n: Math.round(bytes / 1024) }, lang);
  const megabytes = (bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
  return t('size.megabytes', { n: lang === 'fr' ? megabytes.replace('.', ',') : megabytes }, lang);
}
