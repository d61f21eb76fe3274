// Scores the label detector on the name-swapped and marker-swapped copies of the regression set's and the tune
// part's positive cases (test/support/name-swap.ts; never a held-out part), beside the same cases unswapped, per
// kind and language: how much recall leans on names the detector already knows.
//   node scripts/labels-perturb.ts [--seed N] [--errors] [--dump FILE]
// --errors prints each swapped case's misses that the original does not have; --dump writes the swapped cases (jsonl).
import { writeFileSync } from 'node:fs';
import { detectLabels } from '../electron/labels/footnotes.ts';
import { report, score } from '../test/support/label-scoring.ts';
import { mappedBack, markerSwapped, nameSwapped, SWAP_SEED } from '../test/support/name-swap.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seed = Number(arg('--seed') ?? SWAP_SEED);
if (!Number.isInteger(seed)) throw new Error(`--seed ${arg('--seed') ?? ''} is not an integer: give a whole number`);

const r = nameSwapped(seed);
const originals = r.swapped.map((s) => s.original);
console.log(`name swap, seed ${seed}: ${r.positives} positive cases, ${r.swapped.length} swapped; skipped: ${r.skipped.script} script not covered, ${r.skipped.collision} no unknown draw, ${r.skipped.notices} self-notices only`);
const before = score(originals, (t) => detectLabels(t));
console.log(report('original (the swapped cases, unswapped)', before, false));
const byId = new Map(r.swapped.map((s) => [s.id, s]));
// Scored against the original expected labels, each label's entity mapped back through the case's word map.
const mapped = score(r.swapped.map((s) => ({ ...s, expected: s.original.expected })), (_t, s) => mappedBack(s, detectLabels));
console.log(report('name-swapped', mapped, false));
if (process.argv.includes('--errors')) {
  const was = new Set(before.errors);
  for (const e of mapped.errors) if (!was.has(e)) {
    const id = e.split(' ')[0] ?? '';
    console.log(`  ${e}  [${byId.get(id)?.expected.map((x) => x.entity).join(' | ') ?? ''}]`);
  }
}
const markerBase = score(markerSwapped(originals, '*'), (t) => detectLabels(t));
console.log(report('marker *, as printed', markerBase, false).split('\n')[0]);
for (const to of ['✱', '**']) console.log(report(`marker * → ${to}`, score(markerSwapped(originals, to), (t) => detectLabels(t)), false));
const dump = arg('--dump');
if (dump !== undefined) writeFileSync(dump, r.swapped.map((s) => JSON.stringify({ id: s.id, lang: s.lang, text: s.text, expected: s.expected })).join('\n') + '\n');
