// A site's first start: the first administrator and, on request, the demo site. The only door into this module.
export { initialiseSite } from './first-start.ts';
export type { SetupResult } from './first-start.ts';
