// Scores the label detector on the labelled sets in test/fixtures/labels/: the regression set (cases.jsonl, the 282
// cases it was first written against), the real-world tune part and the real-world held-out parts 2, 4 and 5
// (world/<part>/, format in the world README). The regression set must reach 0.95 precision and recall, the tune and
// held-out parts their floors (TUNE_FLOOR, HELDOUT_FLOOR, HELDOUT_4_FLOOR, HELDOUT_5_FLOOR below; the issue asks 0.95 of
// all of them, not yet met). The tables
// print overall, per language and per kind; each case's errors print for the regression and tune parts only: the held-out part is the measure
// we report, and reading its cases would tune the detector to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLabels } from '../electron/labels/footnotes.ts';
import type { LabelKind } from '../electron/model.ts';
import { precision, recall, regressionCases, report, score, worldCases, type LabelCase } from './support/label-scoring.ts';

const regression = regressionCases();

test('the regression set covers what the issue asked of it', () => {
  assert.ok(regression.length >= 200, `${regression.length} cases`);
  assert.ok(regression.filter((c) => c.expected.length === 0).length >= 70, 'at least 70 hard negatives');
  assert.ok(new Set(regression.map((c) => c.lang)).size >= 10, 'at least 10 languages');
  const kinds = new Set(regression.flatMap((c) => c.expected.map((e) => e.kind)));
  for (const k of ['terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other']) assert.ok(kinds.has(k as LabelKind), `kind ${k} covered`);
  assert.ok(regression.some((c) => c.expected.length > 1), 'several labels in one text');
  assert.ok(regression.some((c) => c.expected.some((e) => typeof e.marker === 'string')), 'marker linkage');
});

test('the seed Sputnik article yields exactly one label: terrorist, The Taliban, marker *', () => {
  const seed = readFileSync(join(import.meta.dirname, 'fixtures', 'labels', 'sputnik-2021-08-09-us-airspace.txt'), 'utf8');
  assert.equal(regression.find((c) => c.id === 'en-seed')?.text, seed, 'the seed is in the regression set');
  const labels = detectLabels(seed);
  assert.equal(labels.length, 1, JSON.stringify(labels));
  const [l] = labels;
  assert.equal(l?.kind, 'terrorist');
  // "Taliban*" in the body, "*The Taliban is…" in the footnote: the footnote's fuller form (LABELS.md, Entities).
  assert.equal(l?.entity, 'The Taliban');
  assert.equal(l?.canonical, 'Taliban');
  assert.equal(l?.marker, '*');
  assert.equal(l?.rule, 'footnote:en:terror*');
  assert.equal(seed.slice(l?.start, l?.end), l?.evidence);
  assert.match(l?.evidence ?? '', /^\*The Taliban is a terrorist group banned in Russia/);
});

/** The goal, and the floor of the regression set and the tune part. */
const GOAL = 0.95;

/**
 * The held-out floor. The issue asks GOAL (0.95) here too, and it is NOT yet met: the first held-out part scored
 * P 0.843 R 0.785 (world/README.md) while tune scored 0.99/0.97, so gating the new part at 0.95 would turn CI red on
 * a figure we report rather than tune. This floor guards against regression only; the lead sets it at merge (raise
 * it to GOAL once the held-out figures reach it).
 */
const HELDOUT_FLOOR = { precision: 0.85, recall: 0.8 };

/**
 * The fourth held-out part (collected after every earlier part had been tuned on; world/README.md): scored once at
 * main 616b5e1, P 0.858 R 0.763, below GOAL; scored a second time after the Russian and non-Russian rounds of the
 * evening (P 0.890 R 0.778; 5 of its cases share a page with cases one round saw by mistake, without them P 0.889
 * R 0.776), and after a second pair of rounds P 0.875 R 0.778 (after the third Russian round, P 0.882 R 0.778). Like HELDOUT_FLOOR, a guard against regression, not
 * the goal.
 */
const HELDOUT_4_FLOOR = { precision: 0.86, recall: 0.75 };

/**
 * The fifth held-out part (collected 2026-12-04 after part 4 had been scored in aggregate several times; world/README.md):
 * first scored at main 11d17e1, P 0.805 R 0.825. A regression floor just below that figure; the goal is GOAL.
 */
const HELDOUT_5_FLOOR = { precision: 0.78, recall: 0.8 };

/**
 * The tune part's floor. GOAL again in the issue; NOT met since 185 new real cases joined it (2026-12-03): the
 * detector scored P 0.924 R 0.888 on them before a round of general rules brought it to P 0.962 R 0.923, and a third
 * round (pronoun subjects, distributive participles, clause-final verbs, members' nouns; 54 more real cases) to
 * P 0.976 R 0.944. Held-out part 3 (258 real cases, mostly Russian) then joined it, scored once at P 0.847 R 0.701,
 * which put the whole at P 0.946 R 0.880; a fourth round (lists after a colon, plural relatives, known lower-case
 * names, whole-formula status sentences, dash appositives, bracketed notes free of the sentence's critique and remarks) brought the
 * whole to P 0.956 R 0.933 (part 3 alone P 0.902 R 0.902). A Russian round (134 new real cases, first contact P 0.905
 * R 0.838 pooled; world/README.md) took it to P 0.978 R 0.947 over 1,381 cases, and with a non-Russian round merged
 * beside it (94 new real cases in 30 languages, first contact P 0.533 R 0.444) the whole reached P 0.981 R 0.955 over
 * 1,475 cases: GOAL on the part we tune on (a second pair of rounds, 90 more real cases: P 0.983 R 0.958 over 1,565; a third Russian round, 174 more, first contact pooled P 0.901 R 0.901: P 0.985 R 0.960 over 1,739; a fourth, 144 more, first contact pooled P 0.920 R 0.910: P 0.986 R 0.962 over 1,989). The held-out parts are what say whether it generalises; they do not yet.
 */
const TUNE_FLOOR = { precision: GOAL, recall: GOAL };

function gate(name: string, cases: LabelCase[], errors: boolean, floor = { precision: GOAL, recall: GOAL }): void {
  const s = score(cases, (text) => detectLabels(text));
  console.log(report(name, s, errors));
  assert.deepEqual(s.offsetErrors, [], 'every label points at its evidence: text.slice(start, end) === evidence');
  assert.ok(precision(s.all) >= floor.precision, `${name}: precision ${precision(s.all).toFixed(3)} < ${floor.precision}`);
  assert.ok(recall(s.all) >= floor.recall, `${name}: recall ${recall(s.all).toFixed(3)} < ${floor.recall}`);
}

test('precision and recall on the regression set are at least 0.95', () => gate('regression', regression, true));

test(`precision and recall on the real-world tune part reach its floor (P ${TUNE_FLOOR.precision}, R ${TUNE_FLOOR.recall}; the goal is ${GOAL})`, () => {
  const cases = worldCases('tune');
  assert.ok(cases.length > 0, 'the world tune part has no cases: merge the data branch that adds test/fixtures/labels/world/tune/');
  gate('world tune', cases, true, TUNE_FLOOR);
});

// Aggregate tables only: the held-out part is the measure we report, and printing its cases' errors would tune to it.
test(`precision and recall on the real-world held-out part reach the held-out floor (P ${HELDOUT_FLOOR.precision}, R ${HELDOUT_FLOOR.recall}; the goal is ${GOAL})`, (t) => {
  const cases = worldCases('heldout');
  if (cases.length === 0) {
    t.skip('test/fixtures/labels/world/heldout/ has no cases yet (the cases that will form it are on a data branch): nothing to score');
    return;
  }
  gate('world held-out', cases, false, HELDOUT_FLOOR);
});

/** A later held-out part, collected whole after the earlier ones were tuned on: aggregate tables only, gated at its floor. */
function heldOutPart(n: number, floor: { precision: number; recall: number }): void {
  test(`precision and recall on held-out part ${n} reach its floor (P ${floor.precision}, R ${floor.recall}; the goal is ${GOAL})`, () => {
    const cases = worldCases(`heldout-${n}`);
    assert.ok(cases.length > 0, `test/fixtures/labels/world/heldout-${n}/ has no cases`);
    gate(`world held-out ${n}`, cases, false, floor);
  });
}

heldOutPart(4, HELDOUT_4_FLOOR);
heldOutPart(5, HELDOUT_5_FLOOR);
