// Which database a Tisse site runs on. Dialect differences live in db/ and search/ only.
export type Dialect = 'sqlite' | 'postgres';
