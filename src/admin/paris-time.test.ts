import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoToParisLocal, parisClockTime, parisLocalToIso } from './paris-time.ts';

test('Paris local time converts both ways, summer and winter', () => {
  assert.equal(parisLocalToIso('2013-04-12T12:30'), '2013-04-12T10:30:00.000Z');
  assert.equal(parisLocalToIso('2024-01-15T09:00'), '2024-01-15T08:00:00.000Z');
  assert.equal(isoToParisLocal('2024-01-15T08:00:00.000Z'), '2024-01-15T09:00');
  assert.equal(isoToParisLocal(null), '');
  assert.equal(parisLocalToIso(''), '');
  assert.equal(parisLocalToIso('pas une date'), 'pas une date');
});

test('the time of day reads in Paris, winter and summer', () => {
  assert.equal(parisClockTime('2024-01-15T08:05:00.000Z'), '09:05');
  assert.equal(parisClockTime('2013-04-12T22:30:00.000Z'), '00:30');
});
