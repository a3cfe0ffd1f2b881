// Public paths: each object's current path and its old ones (answered with 301), and the reserved paths.
// The only door into this module.
export { currentPath, pathFor, reservedArticleSlugs, resolvePath, setCurrentPath, uniqueSlug } from './urls.ts';
export type { ResolvedPath } from './urls.ts';
export { articlesOfBreves, breveLegacyPath, loadLegacyObject } from './legacy-objects.ts';
export { articleSlugProblem } from './article-slug.ts';
