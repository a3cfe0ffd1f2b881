// Where the site serves a document (site/media-routes.ts): pages link it relative, letters absolute.
export function documentPath(file: string): string {
  return `/documents/${file.split('/').map(encodeURIComponent).join('/')}`;
}
