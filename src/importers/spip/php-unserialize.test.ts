// PHP's serialize() format as SPIP writes it in spip_meta and spip_versions: every data type, byte lengths
// of UTF-8 strings, keys in their order; objects and damaged values are refused rather than half read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phpUnserialize, PhpUnserializeError } from './php-unserialize.ts';

test('scalars: strings, integers, floats, booleans and null', () => {
  assert.equal(phpUnserialize('s:5:"Hello";'), 'Hello');
  assert.equal(phpUnserialize('i:-42;'), -42);
  assert.equal(phpUnserialize('d:3.5;'), 3.5);
  assert.equal(phpUnserialize('b:1;'), true);
  assert.equal(phpUnserialize('b:0;'), false);
  assert.equal(phpUnserialize('N;'), null);
});

test('string lengths count UTF-8 bytes, so accented text and quotes inside come back whole', () => {
  // « Économie » is 8 characters but 9 bytes; a quote and a semicolon inside the string are text.
  assert.equal(phpUnserialize('s:9:"Économie";'), 'Économie');
  assert.equal(phpUnserialize('s:11:"l’ESS";"x";'), 'l’ESS";"x');
  assert.equal(phpUnserialize(Buffer.from('s:9:"Économie";', 'utf8')), 'Économie');
});

test('arrays keep their keys, their order and their nesting, as in a spip_versions row', () => {
  const champs = 'a:3:{s:5:"titre";s:13:"Benoît Hamon";s:5:"texte";a:2:{i:0;i:12;i:1;i:13;}i:7;N;}';
  const value = phpUnserialize(champs) as Map<string | number, unknown>;
  assert.deepEqual([...value.keys()], ['titre', 'texte', 7]);
  assert.equal(value.get('titre'), 'Benoît Hamon');
  assert.deepEqual([...(value.get('texte') as Map<number, number>)], [[0, 12], [1, 13]]);
  assert.equal(value.get(7), null);
});

test('objects, truncated and trailing data are refused with an error, never half a value', () => {
  for (const bad of [
    'O:8:"stdClass":0:{}', // an object: never read from a backup
    's:10:"court";', // length past the end
    's:5:"Hello"', // missing ;
    'a:2:{i:0;s:1:"a";}', // fewer entries than announced
    'i:12;i:13;', // trailing data
    'i:douze;',
    'a:1:{a:0:{}i:1;}', // an array as key
    '',
  ]) {
    assert.throws(() => phpUnserialize(bad), PhpUnserializeError, bad);
  }
});
