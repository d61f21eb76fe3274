// Random and malformed API arguments from a seeded PRNG, so that a failure reproduces: FUZZ_SEED=<n> reruns it.
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough to pick test inputs. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fuzzSeed(): number {
  const fromEnv = Number(process.env['FUZZ_SEED']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1;
}

const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

// Keys the API's schemas use, so that some objects get past .strict() and reach the deeper checks and handlers.
const KEYS = ['id', 'ids', 'url', 'folder', 'title', 'q', 'query', 'limit', 'offset', 'sort', 'view', 'feedId', 'tag', 'tags', 'name', 'from', 'to',
  'color', 'read', 'starred', 'interval', 'split', 'format', 'xml', 'text', 'kind', 'entity', 'note', 'review', 'articleId', 'key', 'value',
  'due', 'fullText', 'intervalMinutes', 'domain', 'country', 'category', 'source', 'pattern', 'field', 'ruleId', 'match'];

const STRINGS = ['', ' ', 'a', 'all', 'unread', 'starred', 'flagged', 'day', 'week', 'csv', 'json', 'ndjson', 'relevance', 'date', 'outlet', 'tag', 'label',
  'terrorist', 'extremist', 'confirmed', 'rejected', '#ff0000', 'https://example.com/feed', 'http://127.0.0.1:1/feed', 'javascript:alert(1)', 'file:///etc/passwd',
  '../../../../etc/passwd', "'; DROP TABLE article; --", '" OR 1=1 --', 'NEAR(', '"unterminated', '*', 'AND OR NOT', '(((((', 'title:', '\u0000', '\ud800', '\u202e',
  '<script>alert(1)</script>', '%00', '{{7*7}}', '${process.exit(1)}', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'Москва'];

const NUMBERS = [0, -0, 1, -1, 2, 7, 42, 1.5, -1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31, 2 ** 32, -(2 ** 63), 1e308, 5e-324];

function polluting(r: Rng): unknown {
  // JSON.parse creates an own "__proto__" key, as an HTTP body or an IPC message would carry it.
  return pick(r, [
    () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
    () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
    () => JSON.parse('{"id": 1, "__proto__": {"isAdmin": true}}') as unknown,
    () => ({ toString: 'not a function', valueOf: null }),
  ])();
}

export function randomValue(r: Rng, depth = 0): unknown {
  const roll = r();
  if (roll < 0.15) return pick(r, NUMBERS);
  if (roll < 0.3) return pick(r, STRINGS);
  if (roll < 0.36) return pick(r, [null, undefined, true, false]);
  if (roll < 0.4) return 'x'.repeat(pick(r, [1000, 100_000, 1_000_000]));
  if (roll < 0.44) return polluting(r);
  if (roll < 0.47) return BigInt(7); // not JSON, but IPC can carry it
  if (roll < 0.5) return deepNest(pick(r, [100, 10_000]));
  if (roll < 0.75 && depth < 3) return randomObject(r, depth + 1);
  if (depth < 3) return Array.from({ length: Math.floor(r() * 5) }, () => randomValue(r, depth + 1));
  return pick(r, STRINGS);
}

function deepNest(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { id: v };
  return v;
}

export function randomObject(r: Rng, depth = 0): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) o[r() < 0.85 ? pick(r, KEYS) : pick(r, STRINGS)] = randomValue(r, depth + 1);
  return o;
}

/** The argument of one call: usually an object with known keys, sometimes anything at all. */
export function randomArgs(r: Rng): unknown {
  return r() < 0.7 ? randomObject(r) : randomValue(r);
}

/** Short, printable form of an argument for a failure message. */
export function describeArgs(args: unknown): string {
  try {
    const text = JSON.stringify(args, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : v));
    return text === undefined ? String(args) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return '(unprintable: nested too deep)';
  }
}
