// Splits a query into tokens. Operators are recognised in any case (Factiva and Lexis users type `and`, `w/5`);
// everything else up to a space, a parenthesis or a quote is a word, punctuation included (al-Qaeda, U.S., #Ukraine).
import type { FilterField, TextField } from './ast.ts';
import { expected, QuerySyntaxError } from './errors.ts';

export type Field = TextField | FilterField;

export type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' | 'eof'; pos: number }
  | { type: 'near'; pos: number; distance: number; text: string }
  | { type: 'word'; pos: number; text: string; prefix: boolean }
  | { type: 'phrase'; pos: number; text: string; prefix: boolean }
  /** `value` null: the value follows as the next token, a phrase or a parenthesised group. */
  | { type: 'field'; pos: number; field: Field; value: string | null };

const FIELDS: readonly Field[] = ['title', 'author', 'feed', 'outlet', 'country', 'tag', 'label', 'lang', 'is', 'after', 'before', 'date'];
/** FTS5 counts the words allowed between the terms; so do NEAR/n (Meltwater) and w/n (LexisNexis). */
export const DEFAULT_NEAR = 10;
const MAX_NEAR = 1000;

function isSpace(c: string): boolean {
  return /\s/u.test(c);
}

function isBreak(c: string | undefined): boolean {
  return c === undefined || c === '(' || c === ')' || c === '"' || isSpace(c);
}

export function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    const pos = i + 1;
    if (isSpace(c)) { i++; continue; }
    if (c === '(') { tokens.push({ type: 'lparen', pos }); i++; continue; }
    if (c === ')') { tokens.push({ type: 'rparen', pos }); i++; continue; }
    if (c === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) throw new QuerySyntaxError(`Expected '"' at position ${query.length + 1} to close the phrase opened at position ${pos}`, query.length + 1);
      const text = query.slice(i + 1, close).trim();
      if (text === '') throw expected('words between the quotes', pos);
      i = close + 1;
      const prefix = query[i] === '*';
      if (prefix) i++;
      tokens.push({ type: 'phrase', pos, text, prefix });
      continue;
    }
    const after = query[i + 1];
    if ((c === '-' || c === '+') && after !== undefined && !isSpace(after) && after !== ')' && after !== '-') {
      // -term excludes; +term is Google's "must contain", which implicit AND already means.
      if (c === '-') tokens.push({ type: 'minus', pos });
      i++;
      continue;
    }
    let end = i;
    while (!isBreak(query[end])) end++;
    const word = query.slice(i, end);
    const field = fieldToken(word, pos, query[end]);
    i = end;
    tokens.push(field ?? operatorToken(word, pos) ?? wordToken(word, pos));
  }
  tokens.push({ type: 'eof', pos: query.length + 1 });
  return tokens;
}

function fieldToken(word: string, pos: number, next: string | undefined): Token | null {
  const colon = word.indexOf(':');
  if (colon <= 0) return null;
  const name = word.slice(0, colon).toLowerCase() as Field;
  if (!FIELDS.includes(name)) return null;
  const value = word.slice(colon + 1);
  if (value !== '') return { type: 'field', pos, field: name, value };
  if (next === '"' || next === '(') return { type: 'field', pos, field: name, value: null };
  throw expected(`a value after "${word}"`, pos + word.length);
}

function operatorToken(word: string, pos: number): Token | null {
  const lower = word.toLowerCase();
  if (lower === 'and' || lower === '&&') return { type: 'and', pos };
  if (lower === 'or' || lower === '||') return { type: 'or', pos };
  if (lower === 'not') return { type: 'not', pos };
  if (lower === 'near') return { type: 'near', pos, distance: DEFAULT_NEAR, text: word };
  const m = /^(near|w)\/?(.*)$/i.exec(word);
  if (!m) return null;
  const [, op = '', rest = ''] = m;
  // "near5" (Factiva) and "NEAR/5" are operators; a word that merely starts with "w" or "near" is not.
  const slash = word.length > op.length && word[op.length] === '/';
  if (!slash && !(op.toLowerCase() === 'near' && /^\d+$/.test(rest))) return null;
  if (!/^\d+$/.test(rest)) throw expected(`a number after "${op}/"`, pos + op.length + 1, rest === '' ? 'nothing' : `"${rest}"`);
  const distance = Number(rest);
  if (distance > MAX_NEAR) throw expected(`a distance of at most ${MAX_NEAR} words`, pos + op.length + 1, rest);
  return { type: 'near', pos, distance, text: word };
}

function wordToken(word: string, pos: number): Token {
  let text = word;
  let prefix = false;
  // Lexis truncation `word!` means the same as `word*`.
  if (text.length > 1 && (text.endsWith('*') || text.endsWith('!'))) {
    text = text.slice(0, -1);
    prefix = true;
  }
  const star = text.indexOf('*');
  if (star >= 0) throw expected('a wildcard only at the end of a word (like sanction*)', pos + star, `"${word}"`);
  return { type: 'word', pos, text, prefix };
}
