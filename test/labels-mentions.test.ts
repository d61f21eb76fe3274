// Mention spans for the reader's highlights: the entity wherever it is named, and any name carrying the marker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionSpans } from '../electron/labels/mentions.ts';

const show = (text: string, entity: string, marker: string | null): string[] => mentionSpans(text, entity, marker).map((s) => text.slice(s.start, s.end));

test('mentions are found case-insensitively, as whole words, with their markers', () => {
  const text = 'Posted on Instagram* by a fan. META said nothing; Metadata is not Meta.\n*Instagram is owned by Meta, which is recognised as extremist and banned in Russia.';
  assert.deepEqual(show(text, 'Meta', '*'), ['Instagram*', 'META', 'Meta', 'Meta']);
  assert.deepEqual(show('Боевики «Исламского государства»* атаковали.', 'Исламское государство', '*'), ['«Исламского государства»*']);
  assert.deepEqual(show('No mention here, only * * * and 5*3.', 'Taliban', '*'), []);
  assert.deepEqual(show('İstanbul: Meta (banned in Russia) said.', 'Meta', null), ['Meta'], 'a text whose lower case changes length still matches exactly');
});
