// The translated conformance suite: small feed files under cases/<class>/, each carrying its own expectations in a
// leading comment (or a sidecar <name>.expect when the file's encoding hides the comment, and for JSON):
//   Description: …   Content-Type: …   URL: …   Expect: <path> = <json> | <path> ~ <json substring> | <path> !~ <json>
// `error ~ "…"` expects the parse to be refused with a message containing that text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export interface Expectation { path: string; op: '=' | '~' | '!~'; value: unknown; line: string }

export interface ConformanceCase {
  id: string;
  cls: string;
  description: string;
  contentType: string | null;
  url: string | null;
  bytes: Uint8Array;
  expects: Expectation[];
}

export type ParseFn = (bytes: Uint8Array, opts: { contentType: string | null; url: string | null }) => unknown;

export interface SuiteResult {
  total: number;
  passed: number;
  byClass: Map<string, { total: number; passed: number }>;
  failures: string[];
}

const casesDir = join(import.meta.dirname, 'cases');

function parseHeader(text: string): Omit<ConformanceCase, 'id' | 'cls' | 'bytes'> {
  const out: Omit<ConformanceCase, 'id' | 'cls' | 'bytes'> = { description: '', contentType: null, url: null, expects: [] };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^(Description|Content-Type|URL|Expect):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, rest = ''] = m;
    if (key === 'Description') out.description = rest;
    else if (key === 'Content-Type') out.contentType = rest;
    else if (key === 'URL') out.url = rest;
    else {
      const e = /^(\S+)\s+(=|~|!~)\s+(.*)$/.exec(rest);
      if (!e) throw new Error(`bad Expect line: ${line}`);
      out.expects.push({ path: e[1] ?? '', op: e[2] as Expectation['op'], value: JSON.parse(e[3] ?? 'null'), line: rest });
    }
  }
  return out;
}

export function loadCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const cls of readdirSync(casesDir).sort()) {
    for (const file of readdirSync(join(casesDir, cls)).sort()) {
      if (file.endsWith('.expect')) continue;
      const path = join(casesDir, cls, file);
      const sidecar = join(casesDir, cls, `${basename(file, extname(file))}.expect`);
      const bytes = readFileSync(path);
      const header = existsSync(sidecar) ? readFileSync(sidecar, 'utf8') : /<!--([\s\S]*?)-->/.exec(bytes.toString('latin1'))?.[1] ?? '';
      const meta = parseHeader(header);
      if (meta.expects.length === 0) throw new Error(`${path}: no Expect lines`);
      cases.push({ id: `${cls}/${file}`, cls, bytes: new Uint8Array(bytes), ...meta });
    }
  }
  return cases;
}

function valueAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function check(e: Expectation, result: unknown, error: Error | null, anyErrorMatches: boolean): boolean {
  if (e.path === 'error') {
    if (!error) return false;
    return anyErrorMatches || error.message.toLowerCase().includes(String(e.value).toLowerCase());
  }
  if (error) return false;
  const actual = valueAt(result, e.path);
  if (e.op === '=') return isDeepStrictEqual(actual ?? null, e.value);
  const text = typeof actual === 'string' ? actual : JSON.stringify(actual ?? null);
  const has = text.includes(String(e.value));
  return e.op === '~' ? has : !has;
}

/**
 * Runs every case through a parser and counts the checks that pass. anyErrorMatches: a baseline whose messages are
 * not ours gets an expected refusal counted whatever it says.
 */
export async function runSuite(parse: ParseFn, anyErrorMatches = false): Promise<SuiteResult> {
  const res: SuiteResult = { total: 0, passed: 0, byClass: new Map(), failures: [] };
  for (const c of loadCases()) {
    let result: unknown = null;
    let error: Error | null = null;
    try {
      result = await parse(c.bytes, { contentType: c.contentType, url: c.url });
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    const cls = res.byClass.get(c.cls) ?? { total: 0, passed: 0 };
    res.byClass.set(c.cls, cls);
    for (const e of c.expects) {
      const ok = check(e, result, error, anyErrorMatches);
      res.total++;
      cls.total++;
      if (ok) { res.passed++; cls.passed++; continue; }
      const got = error ? `error: ${error.message}` : JSON.stringify(valueAt(result, e.path));
      res.failures.push(`${c.id}: ${e.line} — got ${got}`);
    }
  }
  return res;
}

/** A Markdown table of a suite run per class. */
export function summaryTable(runs: { name: string; result: SuiteResult }[]): string {
  const classes = [...(runs[0]?.result.byClass.keys() ?? [])];
  const pct = (p: number, t: number): string => `${((100 * p) / t).toFixed(1)}%`;
  const rows = [
    `| class | checks | ${runs.map((r) => r.name).join(' | ')} |`,
    `|---|---:|${runs.map(() => '---:').join('|')}|`,
    ...classes.map((cls) => {
      const total = runs[0]?.result.byClass.get(cls)?.total ?? 0;
      return `| ${cls} | ${total} | ${runs.map((r) => pct(r.result.byClass.get(cls)?.passed ?? 0, total)).join(' | ')} |`;
    }),
    `| **all** | ${runs[0]?.result.total ?? 0} | ${runs.map((r) => `**${pct(r.result.passed, r.result.total)}**`).join(' | ')} |`,
  ];
  return rows.join('\n');
}
