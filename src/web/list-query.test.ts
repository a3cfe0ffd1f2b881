// The list query string (issue 18): what is kept, what is refused (400 naming the parameter), where a page past
// the end goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { isTisseError } from '../kernel/errors.ts';
import { listFilters, listHref, listPageOutOfRange, pageCount, parseListQuery, type ListDefinition } from './list-query.ts';

const filters = { statut: listFilters.oneOf(['draft', 'published'] as const), rubrique: listFilters.id, du: listFilters.day };
const list: ListDefinition<'maj' | 'titre', typeof filters> = { sorts: ['maj', 'titre'], defaultSort: 'maj', defaultDirection: 'desc', filters };

const app = new Hono();
app.get('/', (c) => {
  try {
    const query = parseListQuery(c, list);
    return c.json({ ...query, params: query.params.toString() });
  } catch (error) {
    if (!isTisseError(error)) throw error;
    return c.json({ status: error.status, message: error.message }, 400);
  }
});

async function parse(query: string): Promise<Record<string, unknown>> {
  return (await app.request(`/?${query}`)).json() as Promise<Record<string, unknown>>;
}

test('defaults, kept values, and the parameters links keep (without the page, unknown ones left out)', async () => {
  assert.deepEqual(await parse(''), { q: '', sort: 'maj', direction: 'desc', page: 1, filters: {}, params: '' });
  const query = await parse('q=%20%C3%89conomie%20&statut=draft&rubrique=12&du=2024-02-29&tri=titre&ordre=asc&page=3&fait=publish');
  assert.deepEqual(query, { q: 'Économie', sort: 'titre', direction: 'asc', page: 3, filters: { statut: 'draft', rubrique: 12, du: '2024-02-29' }, params: 'q=%C3%89conomie&statut=draft&rubrique=12&du=2024-02-29&tri=titre&ordre=asc' });
  assert.deepEqual((await parse('statut=&rubrique=&page=')).filters, {}, 'an empty value is no filter');
});

test('malformed values are 400s naming what is wrong, in French', async () => {
  const cases: [string, RegExp][] = [
    ['page=0', /numéro de page/],
    ['page=-1', /numéro de page/],
    ['page=abc', /numéro de page/],
    ['page=1.5', /numéro de page/],
    ['page=1e3', /numéro de page/],
    ['statut=trash', /filtre « statut »/],
    ['rubrique=0', /filtre « rubrique »/],
    ['rubrique=99999999999', /filtre « rubrique »/],
    ['du=2023-02-29', /filtre « du »/],
    ['tri=password', /tri demandé/],
    ['ordre=up', /tri demandé/],
    [`q=${'x'.repeat(201)}`, /paramètre « q »/],
    ['q=a%00b', /paramètre « q »/],
  ];
  for (const [query, message] of cases) {
    const answer = await parse(query);
    assert.equal(answer.status, 400, query);
    assert.match(String(answer.message), message, query);
  }
});

test('a page past the last goes to the last one; links write page 1 without a page', () => {
  const params = new URLSearchParams('q=dette&statut=draft');
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(101), 3);
  assert.equal(listPageOutOfRange('/ecrire/articles', { page: 9, params }, 101), '/ecrire/articles?q=dette&statut=draft&page=3');
  assert.equal(listPageOutOfRange('/ecrire/articles', { page: 3, params }, 101), undefined);
  assert.equal(listPageOutOfRange('/ecrire/articles', { page: 2, params }, 0), '/ecrire/articles?q=dette&statut=draft');
  assert.equal(listHref('/ecrire/articles', params, { page: '1', tri: 'titre' }), '/ecrire/articles?q=dette&statut=draft&tri=titre');
});
