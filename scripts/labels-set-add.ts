// Adds cases to the real-world label set (test/fixtures/labels/world/README.md): validates each, puts it in the
// tune or held-out part by a hash of its id alone (so the split never moves as the set grows), and refuses
// duplicate ids and duplicate texts. Usage: npx node scripts/labels-set-add.ts [--part heldout-3] cases.jsonl   (or - for stdin)
// --part puts every case into that later held-out part (world/<part>/) instead of the hash split: a part collected
// after the earlier ones were seen must be held out whole, or its tune share would leak into tuning.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = new Set(['terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other']);
const ROOT = join(import.meta.dirname, '..', 'test', 'fixtures', 'labels', 'world');

export interface WorldExpected { kind: string; entity: string; canonical: string; marker: string | null }
export interface WorldCase {
  id: string; lang: string; source: 'real' | 'constructed'; url: string | null; outlet: string | null;
  text: string; expected: WorldExpected[]; note: string;
}

export function splitOf(id: string): 'tune' | 'heldout' {
  return parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % 100 < 35 ? 'heldout' : 'tune';
}

function problems(c: WorldCase): string[] {
  const p: string[] = [];
  if (!/^[a-z]{2,3}-[a-z0-9-]+-\d{4}$/.test(c.id ?? '')) p.push('id must look like <lang>-<source>-<4 digits>');
  if (!/^[a-z]{2,3}$/.test(c.lang ?? '')) p.push('lang must be an ISO 639 code');
  if (c.id && c.lang && !c.id.startsWith(`${c.lang}-`)) p.push('id must start with the lang');
  if (c.source !== 'real' && c.source !== 'constructed') p.push('source must be real or constructed');
  if (c.source === 'real' && !/^https?:\/\//.test(c.url ?? '')) p.push('a real case needs the url it is quoted from');
  if (typeof c.text !== 'string' || c.text.trim().length < 20) p.push('text too short');
  if (typeof c.note !== 'string' || c.note.trim() === '') p.push('note is required');
  if (!Array.isArray(c.expected)) p.push('expected must be an array');
  const keys = new Set<string>();
  for (const e of c.expected ?? []) {
    if (!KINDS.has(e.kind)) p.push(`bad kind ${e.kind}`);
    if (typeof e.entity !== 'string' || e.entity.trim() === '') p.push('entity is required');
    if (typeof e.canonical !== 'string' || e.canonical.trim() === '') p.push('canonical is required');
    if (e.marker !== null && typeof e.marker !== 'string') p.push('marker must be a string or null');
    if (e.entity !== '<self>' && typeof e.entity === 'string' && !c.text.includes(e.entity)) p.push(`entity "${e.entity}" is not in the text as written`);
    const key = `${e.kind}|${e.canonical}`;
    if (keys.has(key)) p.push(`two labels of kind ${e.kind} for ${e.canonical}`);
    keys.add(key);
  }
  return p;
}

function existing(): { ids: Set<string>; texts: Set<string> } {
  const ids = new Set<string>();
  const texts = new Set<string>();
  // Every part, retired held-out parts included: a case is never added twice.
  for (const part of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const dir = join(ROOT, part);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const c = JSON.parse(line) as WorldCase;
        ids.add(c.id);
        texts.add(c.text.trim());
      }
    }
  }
  return { ids, texts };
}

/** The arguments: an optional `--part heldout-N` (a later, whole held-out part) and the input file. */
function args(argv: string[]): { part: string | null; input: string } {
  const usage = 'usage: labels-set-add.ts [--part heldout-N] FILE.jsonl (or - for stdin)';
  let part: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--part') {
      part = argv[++i] ?? '';
      // Only a numbered later held-out part: tune/ and heldout/ are filled by the hash split, never by hand.
      if (!/^heldout-\d+$/.test(part)) throw new Error(`--part must name a later held-out part such as heldout-3, not "${part}". ${usage}`);
    } else rest.push(a);
  }
  const [input] = rest;
  if (rest.length !== 1 || input === undefined) throw new Error(usage);
  return { part, input };
}

function main(): void {
  const { part, input } = args(process.argv.slice(2));
  if (part) mkdirSync(join(ROOT, part), { recursive: true });
  const { ids, texts } = existing();
  const lines = readFileSync(input === '-' ? 0 : input, 'utf8').split('\n').filter((l) => l.trim() !== '');
  let added = 0;
  let failed = 0;
  for (const [i, line] of lines.entries()) {
    let c: WorldCase;
    try {
      c = JSON.parse(line) as WorldCase;
    } catch (err) {
      console.error(`line ${i + 1}: not JSON (${(err as Error).message})`);
      failed++;
      continue;
    }
    const p = problems(c);
    if (ids.has(c.id)) p.push(`id ${c.id} exists`);
    if (texts.has(c.text?.trim())) p.push('the same text exists');
    if (p.length > 0) {
      console.error(`line ${i + 1} (${c.id}): ${p.join('; ')}`);
      failed++;
      continue;
    }
    const ordered: WorldCase = { id: c.id, lang: c.lang, source: c.source, url: c.url ?? null, outlet: c.outlet ?? null, text: c.text, expected: c.expected, note: c.note };
    appendFileSync(join(ROOT, part ?? splitOf(c.id), `${c.lang}.jsonl`), `${JSON.stringify(ordered)}\n`);
    ids.add(c.id);
    texts.add(c.text.trim());
    added++;
  }
  console.log(`${added} added, ${failed} refused`);
  if (failed > 0) process.exitCode = 1;
}

if (import.meta.main) main();
