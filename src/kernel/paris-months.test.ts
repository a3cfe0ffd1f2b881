// Paris months: the boundaries of a month in winter and summer time, and the dates around them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frenchMonthName, parisMonthOf, parisMonthRange } from './paris-months.ts';

test('a month begins at midnight in Paris: 23:00 UTC in winter, 22:00 UTC in summer', () => {
  assert.deepEqual(parisMonthRange({ year: 2024, month: 1 }), { start: '2023-12-31T23:00:00.000Z', end: '2024-01-31T23:00:00.000Z' });
  assert.deepEqual(parisMonthRange({ year: 2024, month: 4 }), { start: '2024-03-31T22:00:00.000Z', end: '2024-04-30T22:00:00.000Z' });
  assert.deepEqual(parisMonthRange({ year: 2024, month: 10 }), { start: '2024-09-30T22:00:00.000Z', end: '2024-10-31T23:00:00.000Z' });
  assert.deepEqual(parisMonthRange({ year: 2024, month: 12 }), { start: '2024-11-30T23:00:00.000Z', end: '2024-12-31T23:00:00.000Z' });
});

test('the late hours of a UTC month belong to the next Paris month', () => {
  assert.deepEqual(parisMonthOf('2024-03-31T21:30:00.000Z'), { year: 2024, month: 3 });
  assert.deepEqual(parisMonthOf('2024-03-31T22:30:00.000Z'), { year: 2024, month: 4 });
  assert.deepEqual(parisMonthOf('2024-12-31T22:59:59.999Z'), { year: 2024, month: 12 });
  assert.deepEqual(parisMonthOf('2024-12-31T23:00:00.000Z'), { year: 2025, month: 1 });
  assert.deepEqual(parisMonthOf('2024-02-29T23:10:00.000Z'), { year: 2024, month: 3 });
  assert.deepEqual(parisMonthOf('2024-02-28T23:10:00.000Z'), { year: 2024, month: 2 });
  assert.deepEqual(parisMonthOf('2014-03-10T07:45:00.000Z'), { year: 2014, month: 3 });
});

test('every instant of a range reads as its month', () => {
  for (let month = 1; month <= 12; month++) {
    const { start, end } = parisMonthRange({ year: 2023, month });
    assert.deepEqual(parisMonthOf(start), { year: 2023, month });
    assert.deepEqual(parisMonthOf(new Date(Date.parse(end) - 1).toISOString()), { year: 2023, month });
  }
});

test('months are named in French', () => {
  assert.equal(frenchMonthName(2), 'février');
  assert.equal(frenchMonthName(8), 'août');
  assert.throws(() => frenchMonthName(13));
});
