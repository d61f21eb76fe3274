// Adds cases to the real-world label set (test/fixtures/labels/world/README.md): validates each, puts it in the
// tune or held-out part by a hash of its id alone (so the split never moves as the set grows), and refuses
// duplicate ids and duplicate texts (a text inside another counts: the same excerpt cut shorter); a url already in
// the set is only reported, since one page may give two different excerpts, except that a page of the held-out part
// gives no tune case (tuning on its other excerpts would leak it).
// Usage: npx node scripts/labels-set-add.ts [--part tune|heldout|heldout-N] cases.jsonl   (or - for stdin)
// --part overrides the hash split for every case of the file: a detector engineer's freshly collected cases go to
// tune (they tune the detector, so they must never land in the held-out part); a part collected after the earlier
// ones were seen goes whole to a later held-out part heldout-N, or its tune share would leak into tuning. The
// default stays the hash split.
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

function existing(): { ids: Set<string>; texts: Set<string>; urls: Map<string, { id: string; part: string }> } {
  const ids = new Set<string>();
  const texts = new Set<string>();
  const urls = new Map<string, { id: string; part: string }>();
  // Every part, retired held-out parts included: a case is never added twice.
  for (const part of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const dir = join(ROOT, part);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const c = JSON.parse(line) as WorldCase;
        ids.add(c.id);
        texts.add(c.text.trim());
        if (c.url) urls.set(c.url, { id: c.id, part });
      }
    }
  }
  return { ids, texts, urls };
}

type Part = 'tune' | 'heldout' | `heldout-${number}`;

/** The command line: an optional `--part tune|heldout|heldout-N`, then the input file. */
export function parseArgs(argv: string[]): { input: string; part: Part | null } {
  const args = [...argv];
  let part: Part | null = null;
  const at = args.indexOf('--part');
  if (at >= 0) {
    const value = args[at + 1];
    if (value !== 'tune' && value !== 'heldout' && !/^heldout-\d+$/.test(value ?? '')) throw new Error(`--part takes tune, heldout or a later held-out part such as heldout-3, not ${value ?? 'nothing'}`);
    part = value as Part;
    args.splice(at, 2);
  }
  const input = args[0];
  if (!input) throw new Error('usage: labels-set-add.ts [--part tune|heldout|heldout-N] FILE.jsonl (or - for stdin)');
  return { input, part };
}

function main(): void {
  const { input, part } = parseArgs(process.argv.slice(2));
  if (part) mkdirSync(join(ROOT, part), { recursive: true });
  const { ids, texts, urls } = existing();
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
    const text = c.text?.trim() ?? '';
    if (texts.has(text)) p.push('the same text exists');
    else if (text.length >= 40 && [...texts].some((t) => t.includes(text) || (t.length >= 40 && text.includes(t)))) p.push('the text overlaps an existing one (one holds the other)');
    const target = part ?? splitOf(c.id);
    const seen = c.url ? urls.get(c.url) : undefined;
    if (seen && target === 'tune' && seen.part.startsWith('heldout') && !seen.part.endsWith('-retired')) p.push('its page is in the held-out part');
    else if (seen) console.warn(`line ${i + 1} (${c.id}): url already in the set (${seen.id}): check that the excerpt differs`);
    if (p.length > 0) {
      console.error(`line ${i + 1} (${c.id}): ${p.join('; ')}`);
      failed++;
      continue;
    }
    const ordered: WorldCase = { id: c.id, lang: c.lang, source: c.source, url: c.url ?? null, outlet: c.outlet ?? null, text: c.text, expected: c.expected, note: c.note };
    appendFileSync(join(ROOT, target, `${c.lang}.jsonl`), `${JSON.stringify(ordered)}\n`);
    ids.add(c.id);
    texts.add(text);
    if (c.url) urls.set(c.url, { id: c.id, part: target });
    added++;
  }
  console.log(`${added} added, ${failed} refused`);
  if (failed > 0) process.exitCode = 1;
}

if (import.meta.main) main();
