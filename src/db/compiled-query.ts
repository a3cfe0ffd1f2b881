// Queries a page runs on every request, built and compiled by Kysely once per database handle rather than at
// every call: building and compiling cost more than an indexed SQLite lookup (the article page's profile,
// docs/benchmarks.md). The query is written with the builder as anywhere else; its varying values are
// `arg(n)`, placeholders the compiled query's parameters are replaced by at each call. The SQL text is then the
// same at every call, so SQLite's statement is prepared once too (statement-cache.ts). The build is handed the
// database's Dialect too, for what is written differently on each (a JSON aggregate: Dialect.jsonArrayFrom).
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Db } from './connect.ts';
import { dialectOf, type Dialect } from './dialect.ts';
import type { Database, Trx } from './schema.ts';

const ARGUMENT = Symbol('compiled query argument');

interface Argument {
  readonly [ARGUMENT]: number;
}

/** The n-th argument of the call, where a value goes in the builder (typed as the column's value). */
export type ArgumentOf = <T>(index: number) => T;

const arg: ArgumentOf = <T>(index: number) => ({ [ARGUMENT]: index }) as unknown as T;

function isArgument(value: unknown): value is Argument {
  return typeof value === 'object' && value !== null && ARGUMENT in value;
}

/** Where a compiled query runs: the site's database, or a transaction on it. */
type Runner = Db | Trx;

/**
 * A query compiled once per dialect; call it with the values of its arguments, in order, on the database or in
 * a transaction. The SQL depends only on the dialect's adapter, which a transaction shares with its database
 * (Kysely's getExecutor() is marked internal, but it is how a transaction tells which dialect it speaks).
 */
export function compiledQuery<Args extends readonly unknown[], Row>(
  build: (kysely: Kysely<Database>, arg: ArgumentOf, dialect: Dialect) => Compilable<Row>,
): (on: Runner, ...args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<object, CompiledQuery<Row>>();
  return async (on, ...args) => {
    const kysely: Kysely<Database> = 'kysely' in on ? on.kysely : on;
    const adapter = kysely.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) {
      query = build(kysely, arg, dialectOf(kysely)).compile();
      compiled.set(adapter, query);
    }
    const parameters = query.parameters.map((value) => (isArgument(value) ? args[value[ARGUMENT]] : value));
    // On the database itself (no transaction), past Kysely's executor: connect.ts's Db.run.
    return 'kysely' in on ? on.run<Row>({ ...query, parameters }) : (await kysely.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
