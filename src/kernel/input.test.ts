// The schemas every outside value passes: ids a column can hold, calendar dates that do not roll over, safe text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calendarIso, idList, isSafeText, MAX_ID, optionalDate, parseId } from './input.ts';

test('an id is a positive integer a PostgreSQL integer holds, written plainly', () => {
  assert.equal(parseId('12'), 12);
  assert.equal(parseId(12), 12);
  assert.equal(parseId(String(MAX_ID)), MAX_ID);
  for (const bad of ['', '0', '-3', 'abc', '1.5', '1e3', '007', ' 1', '2147483648', '99999999999999999999', 0, -1, 1.5, MAX_ID + 1, Number.NaN]) {
    assert.equal(parseId(bad), undefined, String(bad));
  }
  assert.deepEqual(idList.parse('3'), [3]);
  assert.deepEqual(idList.parse(['3', '4']), [3, 4]);
  assert.deepEqual(idList.parse(''), []);
  assert.equal(idList.safeParse(['3', 'abc']).success, false);
});

test('a date is a real calendar date with a four-digit year, never rolled over', () => {
  assert.equal(calendarIso('2024-02-29T10:00'), '2024-02-29T10:00:00.000Z');
  assert.equal(calendarIso('2024-02-29'), '2024-02-29T00:00:00.000Z');
  assert.equal(calendarIso('2024-06-01T12:30:15.5+02:00'), '2024-06-01T10:30:15.500Z');
  for (const bad of ['2024-02-30T10:00', '2023-02-29', '2024-13-45T99:99', '2024-04-31', '2024-01-01T24:00', '10000-01-01T00:00', '+275760-09-13', '0999-12-31', 'abc', '', '2024-1-1']) {
    assert.equal(calendarIso(bad), undefined, bad);
  }
  assert.equal(optionalDate.parse(''), null);
  assert.equal(optionalDate.safeParse(new Date(8.64e15)).success, false);
});

test('any calendar date within bounds reads back as itself', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
      assert.equal(calendarIso(date.toISOString()), date.toISOString());
    }),
  );
});

test('safe text has no NUL and no lone surrogate', () => {
  assert.ok(isSafeText('Café 😀'));
  assert.ok(!isSafeText('a\u0000b'));
  assert.ok(!isSafeText('a\uD800b'));
  assert.ok(!isSafeText('a\uDC00'));
});
