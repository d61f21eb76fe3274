// Bad arguments in words: a zod issue becomes one sentence naming the field as a person would ("domain 1",
// "interval minutes") and what it should be, instead of zod's own text and a dotted path ("domains.0").
import type { z } from 'zod';

/** "intervalMinutes" → "interval minutes", "domains.0" → "domain 1 of domains", "feed_id" → "feed id". */
export function fieldName(path: readonly PropertyKey[]): string {
  const words = (key: PropertyKey): string => String(key).replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as PropertyKey;
    const next = path[i + 1];
    if (typeof key !== 'number' && typeof next === 'number') {
      const plural = words(key);
      const single = plural.endsWith('s') ? plural.slice(0, -1) : plural;
      parts.unshift(`${single} ${next + 1}`);
      i++;
    } else if (typeof key === 'number') {
      parts.unshift(`item ${key + 1}`);
    } else {
      parts.unshift(words(key));
    }
  }
  return parts.join(' of ');
}

/** What the value should have been, from the issue's own facts (never zod's default sentence). */
function expectation(issue: z.core.$ZodIssue, given: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return given === undefined ? 'is missing' : `must be ${article(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return issue.minimum === 1 ? 'needs at least one entry' : `needs at least ${issue.minimum} entries`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return `may have at most ${issue.maximum} entries`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      // A custom message on a regex is written as what is expected ("a domain such as example.com").
      return `must be ${issue.message && !issue.message.startsWith('Invalid') ? issue.message : issue.format === 'regex' ? 'in the expected form' : `a valid ${issue.format}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `does not take ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return 'is not accepted';
  }
}

function article(type: string): string {
  const noun = type === 'int' ? 'whole number' : type;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The value the caller sent at an issue's path (zod leaves it out of issues unless asked to report input). */
function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let v = args;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** One sentence for the first issue: what is wrong, where, and what to send instead. */
export function describeArgIssue(method: string, args: unknown, issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return `The request to ${method} was refused: check what was entered and try again.`;
  // Our own refinements already say what to send ("give either ids or query").
  if (issue.code === 'custom' && issue.message) return `Not accepted: ${issue.message} (${method}).`;
  const field = fieldName(issue.path);
  // "Domain 1 must be …" but "The interval minutes must be …".
  const what = field === '' ? 'The request' : /\d/.test(field) ? field[0]!.toUpperCase() + field.slice(1) : `The ${field}`;
  return `${what} ${expectation(issue, valueAt(args, issue.path))}: correct it and try again (${method}).`;
}
