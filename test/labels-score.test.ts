// Scores the footnote detector on the labelled set in test/fixtures/labels/ and prints precision and recall,
// overall and per language and kind. Fails below 0.95 on either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLabels } from '../electron/labels/footnotes.ts';
import type { LabelKind } from '../electron/model.ts';

interface Expected { kind: LabelKind; entity: string; marker?: string | null }
interface Case { id: string; lang: string; text: string; expected: Expected[] }

const cases: Case[] = readFileSync(join(import.meta.dirname, 'fixtures', 'labels', 'cases.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim().length > 0).map((l) => JSON.parse(l) as Case);

/** Entities compare case-insensitively, without quotation marks or a leading article. */
function norm(entity: string): string {
  return entity.toLowerCase().replace(/[«»“”„"'’]/g, '').replace(/^(?:the|a|an|der|die|das|la|le|les|el|los|las|il|lo|o|os)\s+/, '').replace(/\s+/g, ' ').trim();
}

interface Tally { tp: number; fp: number; fn: number }
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const pr = (t: Tally): string => `P ${(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3)} R ${(t.tp / Math.max(1, t.tp + t.fn)).toFixed(3)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;

test('the labelled set covers what the issue asks for', () => {
  assert.ok(cases.length >= 200, `${cases.length} cases`);
  assert.ok(cases.filter((c) => c.expected.length === 0).length >= 70, 'at least 70 hard negatives');
  assert.ok(new Set(cases.map((c) => c.lang)).size >= 10, 'at least 10 languages');
  const kinds = new Set(cases.flatMap((c) => c.expected.map((e) => e.kind)));
  for (const k of ['terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other']) assert.ok(kinds.has(k as LabelKind), `kind ${k} covered`);
  assert.ok(cases.some((c) => c.expected.length > 1), 'several labels in one text');
  assert.ok(cases.some((c) => c.expected.some((e) => typeof e.marker === 'string')), 'marker linkage');
});

test('the seed Sputnik article yields exactly one label: terrorist, The Taliban, marker *', () => {
  const seed = readFileSync(join(import.meta.dirname, 'fixtures', 'labels', 'sputnik-2021-08-09-us-airspace.txt'), 'utf8');
  const fixture = cases.find((c) => c.id === 'en-seed');
  assert.equal(fixture?.text, seed, 'the seed is in the labelled set');
  const labels = detectLabels(seed);
  assert.equal(labels.length, 1, JSON.stringify(labels));
  const [l] = labels;
  assert.equal(l?.kind, 'terrorist');
  assert.equal(norm(l?.entity ?? ''), 'taliban');
  assert.equal(l?.marker, '*');
  assert.equal(seed.slice(l?.start, l?.end), l?.evidence);
  assert.match(l?.evidence ?? '', /^\*The Taliban is a terrorist group banned in Russia/);
});

test('precision and recall on the labelled set are at least 0.95', () => {
  const all = tally();
  const byLang = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  const misses: string[] = [];
  const bump = (map: Map<string, Tally>, key: string, field: keyof Tally): void => {
    const t = map.get(key) ?? tally();
    t[field]++;
    map.set(key, t);
  };
  for (const c of cases) {
    const predicted = detectLabels(c.text);
    for (const l of predicted) assert.equal(c.text.slice(l.start, l.end), l.evidence, `${c.id}: offsets point at the evidence`);
    const unmatched = [...predicted];
    for (const e of c.expected) {
      const i = unmatched.findIndex((p) => p.kind === e.kind && norm(p.entity) === norm(e.entity) && (e.marker === undefined || p.marker === e.marker));
      if (i >= 0) {
        unmatched.splice(i, 1);
        all.tp++; bump(byLang, c.lang, 'tp'); bump(byKind, e.kind, 'tp');
      } else {
        all.fn++; bump(byLang, c.lang, 'fn'); bump(byKind, e.kind, 'fn');
        misses.push(`${c.id} missed ${e.kind} "${e.entity}" ${e.marker ?? ''}`);
      }
    }
    for (const p of unmatched) {
      all.fp++; bump(byLang, c.lang, 'fp'); bump(byKind, p.kind, 'fp');
      misses.push(`${c.id} spurious ${p.kind} "${p.entity}" ${p.marker ?? ''}`);
    }
  }
  const lines = [`labels: ${cases.length} cases, overall ${pr(all)}`];
  for (const [k, t] of [...byLang].sort()) lines.push(`  lang ${k.padEnd(3)} ${pr(t)}`);
  for (const [k, t] of [...byKind].sort()) lines.push(`  kind ${k.padEnd(14)} ${pr(t)}`);
  if (misses.length > 0) lines.push('  errors:', ...misses.map((m) => `    ${m}`));
  console.log(lines.join('\n'));
  const precision = all.tp / Math.max(1, all.tp + all.fp);
  const recall = all.tp / Math.max(1, all.tp + all.fn);
  assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)} < 0.95`);
  assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)} < 0.95`);
});
