// The world-set adder's command line: the hash split by default, `--part` to override it (a detector engineer's
// freshly collected cases must go to tune, never to the held-out part).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, splitOf } from '../scripts/labels-set-add.ts';

test('without --part the hash split decides', () => {
  assert.deepEqual(parseArgs(['cases.jsonl']), { input: 'cases.jsonl', part: null });
  // The split is the README's: sha256(id)'s first 8 hex digits mod 100 < 35 → heldout.
  const parts = new Set(Array.from({ length: 40 }, (_, k) => splitOf(`ru-x-${String(k).padStart(4, '0')}`)));
  assert.deepEqual([...parts].sort(), ['heldout', 'tune']);
});

test('--part tune overrides the split, before or after the file', () => {
  assert.deepEqual(parseArgs(['--part', 'tune', 'new.jsonl']), { input: 'new.jsonl', part: 'tune' });
  assert.deepEqual(parseArgs(['new.jsonl', '--part', 'tune']), { input: 'new.jsonl', part: 'tune' });
});

test('--part heldout-N sends a later collection whole to its own held-out part', () => {
  assert.deepEqual(parseArgs(['--part', 'heldout-3', 'new.jsonl']), { input: 'new.jsonl', part: 'heldout-3' });
  assert.throws(() => parseArgs(['--part', 'heldout-x', 'new.jsonl']), /--part takes tune/);
});

test('--part with another value or no file is refused with the usage', () => {
  assert.throws(() => parseArgs(['--part', 'test', 'new.jsonl']), /--part takes tune, heldout or a later held-out part such as heldout-3, not test/);
  assert.throws(() => parseArgs(['--part', 'tune']), /usage: labels-set-add\.ts/);
});
