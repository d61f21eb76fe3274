// Scores the label detector on perturbed copies of the regression set's and the tune part's positive cases (never a
// held-out part), beside the same cases unperturbed: the name swap and marker swap (test/support/name-swap.ts), and
// the families of test/support/perturb.ts (a role before the name, quote styles, the marker inside or after the
// closing mark, marker styles, a neutral sentence of context, the Russian phrase's agreement, paraphrases with their
// news negatives). Each shows what recall (or precision) leans on that the held-out text varies.
//   node scripts/labels-perturb.ts [--seed N] [--errors] [--dump FILE] [--family NAME]
// --errors prints each perturbed case's misses that the original does not have (for the families, with its text);
// --dump writes the name-swapped cases (jsonl); --family NAME scores only the families whose name holds NAME
// ("name swap" for the name and marker swaps).
import { writeFileSync } from 'node:fs';
import { detectLabels } from '../electron/labels/footnotes.ts';
import { regressionCases, report, score, worldCases } from '../test/support/label-scoring.ts';
import { mappedBack, markerSwapped, nameSwapped, SWAP_SEED, type SwappedCase } from '../test/support/name-swap.ts';
import { perturbations, quotesSwapped, roleInserted } from '../test/support/perturb.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seed = Number(arg('--seed') ?? SWAP_SEED);
if (!Number.isInteger(seed)) throw new Error(`--seed ${arg('--seed') ?? ''} is not an integer: give a whole number`);
const errors = process.argv.includes('--errors');
const only = arg('--family');
const wanted = (name: string): boolean => only === undefined || name.includes(only);

if (wanted('name swap')) {
  const r = nameSwapped(seed);
  const originals = r.swapped.map((s) => s.original);
  console.log(`name swap, seed ${seed}: ${r.positives} positive cases, ${r.swapped.length} swapped; skipped: ${r.skipped.script} script not covered, ${r.skipped.collision} no unknown draw, ${r.skipped.notices} self-notices only`);
  const before = score(originals, (t) => detectLabels(t));
  console.log(report('original (the swapped cases, unswapped)', before, false));
  const byId = new Map(r.swapped.map((s) => [s.id, s]));
  // Scored against the original expected labels, each label's entity mapped back through the case's word map.
  const mapped = score(r.swapped.map((s) => ({ ...s, expected: s.original.expected })), (_t, s) => mappedBack(s, detectLabels));
  console.log(report('name-swapped', mapped, false));
  if (errors) {
    const was = new Set(before.errors);
    for (const e of mapped.errors) if (!was.has(e)) {
      const id = e.split(' ')[0] ?? '';
      console.log(`  ${e}  [${byId.get(id)?.expected.map((x) => x.entity).join(' | ') ?? ''}]`);
    }
  }
  // A role before an unknown person's name, and an unknown name in another quote style: two perturbations together
  // (the swapped text, then the role or the quotes).
  for (const [name, family] of [['role before an unknown name', roleInserted], ['quote style of an unknown name', quotesSwapped]] as const) {
    const both = family(r.swapped).map((p) => ({ ...(p.original as SwappedCase), text: p.text }));
    const swappedOnly = score(both.map((s) => ({ ...s, expected: s.original.expected })), (_t, s) => mappedBack(byId.get(s.id) as SwappedCase, detectLabels));
    console.log(report(`${name}, swapped only`, swappedOnly, false).split('\n')[0]);
    const perturbed = score(both.map((s) => ({ ...s, expected: s.original.expected })), (_t, s) => mappedBack(s, detectLabels));
    console.log(report(name, perturbed, false));
    const was = new Set(swappedOnly.errors);
    const texts = new Map(both.map((s) => [s.id, s.text]));
    if (errors) for (const e of perturbed.errors) if (!was.has(e)) console.log(`  ${e}\n      ${JSON.stringify(texts.get(e.split(' ')[0] ?? '')?.slice(0, 400))}`);
  }
  const markerBase = score(markerSwapped(originals, '*'), (t) => detectLabels(t));
  console.log(report('marker *, as printed', markerBase, false).split('\n')[0]);
  for (const to of ['✱', '**']) console.log(report(`marker * → ${to}`, score(markerSwapped(originals, to), (t) => detectLabels(t)), false));
  const dump = arg('--dump');
  if (dump !== undefined) writeFileSync(dump, r.swapped.map((s) => JSON.stringify({ id: s.id, lang: s.lang, text: s.text, expected: s.expected })).join('\n') + '\n');
}

for (const f of perturbations([...regressionCases(), ...worldCases('tune')], (t) => detectLabels(t), true)) {
  if (!wanted(f.name)) continue;
  const original = score(f.cases.map((c) => c.original), (t) => detectLabels(t));
  const perturbed = score(f.cases, (t) => detectLabels(t));
  console.log(report(`${f.name}, original`, original, false).split('\n')[0]);
  console.log(report(`${f.name}, perturbed`, perturbed, false));
  if (!errors) continue;
  // A family may perturb one case several ways ("ru-001~f"): an error is new when the original case has no such error.
  const unsuffixed = (e: string): string => e.replace(/^(\S+)~\S+/u, '$1');
  const was = new Set(original.errors.map(unsuffixed));
  const byId = new Map(f.cases.map((c) => [c.id, c]));
  for (const e of perturbed.errors) if (!was.has(unsuffixed(e))) console.log(`  ${e}\n      ${JSON.stringify(byId.get(e.split(' ')[0] ?? '')?.text.slice(0, 500))}`);
}
