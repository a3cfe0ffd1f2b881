// The engine's version, stored beside every HTML it made (articles, forum messages): a stored HTML of another
// version is made anew. Change it in the same commit as any change of what the engine writes for some input;
// version.test.ts fails when the output of SPIP's own fixtures changes while it stays the same.
export const MARKUP_ENGINE_VERSION = '2026-12-07.1';
