// SPIP's dates are Paris wall-clock times without a zone: they must land on the same instant in Tisse,
// summer and winter, and SPIP's zero date means "no date".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spipDate } from './dates.ts';

test('a winter date is UTC+1, a summer date UTC+2', () => {
  assert.equal(spipDate('2013-01-15 10:30:00'), '2013-01-15T09:30:00.000Z');
  assert.equal(spipDate('2013-04-12 08:30:00'), '2013-04-12T06:30:00.000Z');
});

test('around the changes of time the wall clock still gives the right instant', () => {
  // 31 March 2024: 02:00 → 03:00. Just before, winter time; just after, summer time.
  assert.equal(spipDate('2024-03-31 01:59:59'), '2024-03-31T00:59:59.000Z');
  assert.equal(spipDate('2024-03-31 03:00:00'), '2024-03-31T01:00:00.000Z');
  // 27 October 2024: 03:00 → 02:00.
  assert.equal(spipDate('2024-10-27 04:00:00'), '2024-10-27T03:00:00.000Z');
  assert.equal(spipDate('2024-10-26 23:00:00'), '2024-10-26T21:00:00.000Z');
});

test('a date without a time is midnight in Paris', () => {
  assert.equal(spipDate('2013-04-12'), '2013-04-11T22:00:00.000Z');
});

test('the zero date, partial zero dates and anything unreadable mean no date', () => {
  for (const value of ['0000-00-00 00:00:00', '2013-00-00 00:00:00', '2013-04-00', '', 'hier', null, undefined, 20130412]) {
    assert.equal(spipDate(value), null, String(value));
  }
});
