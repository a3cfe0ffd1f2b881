import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatClockIn, formatDateIn, formatDateTimeIn, isTimeZone, isoToLocalInput, localInputToIso } from './time-zone.ts';

const PARIS = 'Europe/Paris';

test('local input converts both ways in Paris, summer and winter', () => {
  assert.equal(localInputToIso('2013-04-12T12:30', PARIS), '2013-04-12T10:30:00.000Z');
  assert.equal(localInputToIso('2024-01-15T09:00', PARIS), '2024-01-15T08:00:00.000Z');
  assert.equal(isoToLocalInput('2024-01-15T08:00:00.000Z', PARIS), '2024-01-15T09:00');
  assert.equal(isoToLocalInput(null, PARIS), '');
  assert.equal(localInputToIso('', PARIS), '');
  assert.equal(localInputToIso('pas une date', PARIS), 'pas une date');
  assert.equal(localInputToIso('2024-02-30T10:00', PARIS), '2024-02-30T10:00', 'a day the calendar lacks is left for validation');
});

test('other zones: their own offsets and daylight saving rules', () => {
  assert.equal(localInputToIso('2024-07-01T09:00', 'America/Montreal'), '2024-07-01T13:00:00.000Z');
  assert.equal(localInputToIso('2024-01-15T09:00', 'America/Montreal'), '2024-01-15T14:00:00.000Z');
  assert.equal(localInputToIso('2024-01-15T09:00', 'Asia/Kolkata'), '2024-01-15T03:30:00.000Z');
  assert.equal(isoToLocalInput('2024-01-15T03:30:00.000Z', 'Asia/Kolkata'), '2024-01-15T09:00');
  assert.equal(localInputToIso('2024-01-15T09:00', 'UTC'), '2024-01-15T09:00:00.000Z');
  // The night clocks go back, 02:30 happens twice in Paris: the first one (summer time) is taken.
  assert.equal(localInputToIso('2024-10-27T02:30', PARIS), '2024-10-27T00:30:00.000Z');
});

test('a message posted at 23:30 UTC in winter reads the next day at 00:30 in Paris', () => {
  const posted = '2024-01-15T23:30:00.000Z';
  assert.equal(formatDateTimeIn(posted, PARIS), '16 janvier 2024 à 00:30');
  assert.equal(formatDateIn(posted, PARIS), '16 janvier 2024');
  assert.equal(formatDateTimeIn(posted, 'UTC'), '15 janvier 2024 à 23:30');
  assert.equal(formatDateTimeIn('2024-03-01T10:00:00.000Z', PARIS), '1er mars 2024 à 11:00');
  assert.equal(formatDateTimeIn(posted, PARIS, 'en'), '16 January 2024 at 00:30');
});

test('the time of day reads in the zone, winter and summer', () => {
  assert.equal(formatClockIn('2024-01-15T08:05:00.000Z', PARIS), '09:05');
  assert.equal(formatClockIn('2013-04-12T22:30:00.000Z', PARIS), '00:30');
});

test('time zone names: IANA names only', () => {
  for (const name of ['Europe/Paris', 'America/Argentina/Buenos_Aires', 'UTC', 'Africa/Dakar']) assert.ok(isTimeZone(name), name);
  for (const name of ['', 'Europe/Pariss', 'Paris', '+01:00', '../etc', 'Europe/Paris\u0000', 'x'.repeat(300)]) assert.ok(!isTimeZone(name), name);
});
