// Word diffs between versions (electron/articles/version-diff.ts, the `diff` contract of DESIGN.md §2): word
// granularity in Latin, Cyrillic and Chinese text, exact reassembly of both texts, label changes, and a
// 5,000-word article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffVersions, labelChanges, MAX_WORD_EDITS, wordDiff, wordTokens, type DiffPart } from '../electron/articles/version-diff.ts';
import { detectLabels } from '../electron/labels/footnotes.ts';
import type { VersionLabel } from '../electron/articles/versions.ts';

const before = (parts: DiffPart[]): string => parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('');
const after = (parts: DiffPart[]): string => parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('');
const changes = (parts: DiffPart[]): DiffPart[] => parts.filter((p) => p.op !== 'equal');

function assertReassembles(a: string, b: string): DiffPart[] {
  const parts = wordDiff(a, b);
  assert.equal(before(parts), a, 'equal + delete gives the old text');
  assert.equal(after(parts), b, 'equal + insert gives the new text');
  for (let i = 1; i < parts.length; i++) assert.notEqual(parts[i]?.op, parts[i - 1]?.op, 'runs of one op are merged');
  assert.ok(parts.every((p) => p.text !== ''));
  return parts;
}

test('English: a replaced word is one delete and one insert of whole words, spaces kept', () => {
  const parts = assertReassembles('The Times reported that the aircraft used an air base in Qatar.', 'The Times reported that the aircraft used an air base in Saudi Arabia.');
  assert.deepEqual(changes(parts), [{ op: 'delete', text: 'Qatar' }, { op: 'insert', text: 'Saudi Arabia' }]);
});

test('Cyrillic is diffed by words, not letters (jsdiff\'s own tokeniser knows only Latin)', () => {
  const parts = assertReassembles('Москва заявила, что переговоры прошли успешно.', 'Москва заявила, что переговоры провалились.');
  assert.deepEqual(changes(parts), [{ op: 'delete', text: 'прошли успешно' }, { op: 'insert', text: 'провалились' }]);
  const dropped = assertReassembles('Запрещенная в России организация «Талибан»* заявила о захвате.\n* Террористическая организация, запрещена в РФ.',
    'Организация «Талибан» заявила о захвате.');
  assert.deepEqual(changes(dropped), [
    { op: 'delete', text: 'Запрещенная в России организация ' }, { op: 'insert', text: 'Организация ' },
    { op: 'delete', text: '* ' }, { op: 'insert', text: ' ' },
    { op: 'delete', text: '\n* Террористическая организация, запрещена в РФ.' },
  ]);
});

test('Chinese is diffed by dictionary words (Intl.Segmenter), not the whole sentence', () => {
  const parts = assertReassembles('中国外交部发言人表示，双方将继续对话。', '中国外交部发言人表示，双方将停止对话。');
  assert.deepEqual(changes(parts), [{ op: 'delete', text: '继续' }, { op: 'insert', text: '停止' }]);
  const ja = assertReassembles('東京で会談が行われた。', '大阪で会談が行われた。');
  assert.deepEqual(changes(ja), [{ op: 'delete', text: '東京' }, { op: 'insert', text: '大阪' }]);
});

test('whitespace and line breaks reassemble exactly, CRLF and NBSP included', () => {
  assertReassembles('One  two\r\nthree\u00a0four\n\n  five', 'One two\nthree four\n\nfive six');
  assertReassembles('', 'Only new text.');
  assertReassembles('Only old text.', '');
  assert.deepEqual(wordDiff('', ''), []);
  assert.deepEqual(wordDiff('Same.', 'Same.'), [{ op: 'equal', text: 'Same.' }]);
  assert.deepEqual(wordTokens('a  b\n\n c'), ['a  ', 'b', '\n', '\n', ' ', 'c']);
});

test('label changes: added, removed, and kind changed on one canonical entity', () => {
  const was: VersionLabel[] = [
    { kind: 'terrorist', entity: 'The Taliban' },
    { kind: 'foreign_agent', entity: 'Медузы', canonical: 'Meduza' },
    { kind: 'extremist', entity: 'Meta', canonical: 'Meta' },
  ];
  const now: VersionLabel[] = [
    { kind: 'terrorist', entity: 'the taliban' },
    { kind: 'undesirable', entity: 'Медуза', canonical: 'Meduza' },
    { kind: 'extremist', entity: 'ФБК', canonical: 'Anti-Corruption Foundation' },
  ];
  const c = labelChanges(was, now);
  assert.deepEqual(c.removed, [{ kind: 'foreign_agent', entity: 'Медузы', canonical: 'Meduza' }, { kind: 'extremist', entity: 'Meta', canonical: 'Meta' }]);
  assert.deepEqual(c.added, [{ kind: 'undesirable', entity: 'Медуза', canonical: 'Meduza' }, { kind: 'extremist', entity: 'ФБК', canonical: 'Anti-Corruption Foundation' }]);
  assert.deepEqual(c.kindChanged, [{ before: { kind: 'foreign_agent', entity: 'Медузы', canonical: 'Meduza' }, after: { kind: 'undesirable', entity: 'Медуза', canonical: 'Meduza' } }]);
  // Losing one of two kinds is a removal, not a kind change.
  const narrowed = labelChanges([{ kind: 'terrorist', entity: 'X' }, { kind: 'extremist', entity: 'X' }], [{ kind: 'terrorist', entity: 'X' }]);
  assert.deepEqual(narrowed, { added: [], removed: [{ kind: 'extremist', entity: 'X', canonical: null }], kindChanged: [] });
});

/** About 5,000 words of real article text: the Sputnik fixture's paragraphs, numbered so none repeats. */
function longArticle(): string {
  const page = readFileSync(join(import.meta.dirname, 'fixtures', 'labels', 'sputnik-2021-08-09-us-airspace.txt'), 'utf8');
  const paragraphs = page.split('\n').filter((l) => l.trim() && !l.startsWith('*'));
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < 5000; i++) {
    const p = `${i + 1}. ${paragraphs[i % paragraphs.length]}`;
    out.push(p);
    words += p.split(/\s+/).length;
  }
  out.push('*The Taliban is a terrorist group banned in Russia and many other countries.');
  return out.join('\n');
}

test('a 5,000-word article: three edits and a dropped footnote come out as exactly those changes', () => {
  const a = longArticle();
  assert.ok(a.split(/\s+/).length >= 5000);
  const lines = a.split('\n');
  const edited = [...lines];
  edited[3] = (edited[3] as string).replace(/^4\. /, '4. Officials said: ');
  edited[60] = `${edited[60] as string} That was according to the ministry.`;
  const cut = lines.length - 20;
  edited.splice(cut, 1);
  edited.pop(); // the footnote
  const b = edited.join('\n');
  const parts = assertReassembles(a, b);
  const changed = changes(parts);
  assert.ok(changed.length <= 6, `${changed.length} changed runs`);
  assert.ok(changed.some((p) => p.op === 'insert' && p.text.includes('Officials said:')));
  assert.ok(changed.some((p) => p.op === 'insert' && p.text.includes('according to the ministry')));
  assert.ok(changed.some((p) => p.op === 'delete' && p.text.includes(lines[cut] as string)));
  assert.ok(changed.some((p) => p.op === 'delete' && p.text.includes('*The Taliban is a terrorist group banned in Russia')));

  const d = diffVersions({ n: 2, title: 'Fears of Backlash', text: a, labels: detectLabels(a) }, { n: 3, title: 'Fears of backlash', text: b, labels: detectLabels(b) });
  assert.deepEqual(Object.keys(d), ['from', 'to', 'title', 'text', 'labels']);
  assert.equal(d.from, 2);
  assert.equal(d.to, 3);
  assert.deepEqual(d.title, [{ op: 'equal', text: 'Fears of ' }, { op: 'delete', text: 'Backlash' }, { op: 'insert', text: 'backlash' }]);
  assert.deepEqual(d.text, parts);
  assert.deepEqual(d.labels.removed.map((l) => [l.kind, l.entity]), [['terrorist', 'The Taliban']]);
  assert.deepEqual(d.labels.added, []);
});

test('edits are found paragraph by paragraph: every other paragraph rewritten leaves the rest as equal runs', () => {
  const a = longArticle();
  const lines = a.split('\n');
  const b = lines.map((l, i) => (i % 2 === 0 ? l.split(' ').reverse().join(' ') : l)).join('\n');
  const parts = assertReassembles(a, b);
  const equal = parts.filter((p) => p.op === 'equal').map((p) => p.text).join('');
  for (let i = 1; i < lines.length; i += 2) assert.ok(equal.includes(lines[i] as string), `paragraph ${i + 1} is unchanged`);
});

test('a rewrite past the word-edit budget is shown as the old text deleted and the new inserted, still exact', () => {
  const a = longArticle();
  const b = Array.from({ length: 700 }, (_, i) => `Совершенно другой текст номер ${i}, где каждое слово новое.`).join(' ');
  const parts = assertReassembles(a, b);
  assert.deepEqual(parts.map((p) => p.op), ['delete', 'insert']);
  assert.ok(MAX_WORD_EDITS < b.split(' ').length);
});
