// Recursive-descent parser for the query language. Precedence, loosest first: OR, AND (explicit, implicit, and
// binary NOT / AND NOT / -term), unary NOT, NEAR, then terms, phrases, fields and parenthesised groups.
// This is the FTS5 and Factiva order; a query mixing AND and OR without parentheses gets a warning that shows
// how it was read, because LexisNexis reads OR first.
import type { FilterField, FilterNode, NearNode, ParsedQuery, QueryNode, TextField } from './ast.ts';
import { formatQuery } from './ast.ts';
import { expected, QuerySyntaxError } from './errors.ts';
import { lex, type Field, type Token } from './lexer.ts';
import { words } from '../text/fold.ts';

const IS_VALUES = ['unread', 'read', 'starred', 'flagged'];
const SHORT_PREFIX = 3;

export function parseQuery(query: string): ParsedQuery {
  return new Parser(query).parse();
}

function describe(t: Token): string {
  switch (t.type) {
    case 'eof': return 'the end of the query';
    case 'lparen': return '"("';
    case 'rparen': return '")"';
    case 'and': return '"AND"';
    case 'or': return '"OR"';
    case 'not': return '"NOT"';
    case 'minus': return '"-"';
    case 'near': return `"${t.text}"`;
    case 'word': return `"${t.text}"`;
    case 'phrase': return `"\\"${t.text}\\""`;
    case 'field': return `"${t.field}:"`;
  }
}

class Parser {
  readonly #tokens: Token[];
  readonly #warnings: string[] = [];
  #i = 0;
  #mixedAndOr = false;

  constructor(query: string) {
    this.#tokens = lex(query);
  }

  parse(): ParsedQuery {
    if (this.#peek().type === 'eof') return { root: null, warnings: [] };
    const root = this.#or(null);
    const t = this.#peek();
    if (t.type === 'rparen') throw new QuerySyntaxError(`Unexpected ")" at position ${t.pos}: no "(" before it is still open`, t.pos);
    if (t.type !== 'eof') throw expected('an operator or the end of the query', t.pos, describe(t));
    const pruned = prune(root, this.#warnings);
    this.#warnings.push(...prefixWarnings(pruned));
    if (this.#mixedAndOr && pruned) {
      this.#warnings.unshift(`Read as ${formatQuery(pruned)}: AND binds tighter than OR here (as in Factiva); LexisNexis reads OR first. Add parentheses to say which you mean.`);
    }
    return { root: pruned, warnings: this.#warnings };
  }

  #peek(): Token {
    return this.#tokens[this.#i] as Token;
  }

  #next(): Token {
    return this.#tokens[this.#i++] as Token;
  }

  #or(field: Field | null): QueryNode {
    const first = this.#and(field);
    const children = [first.node];
    let anyAndChain = first.count > 1;
    while (this.#peek().type === 'or') {
      const op = this.#next();
      const next = this.#and(field, op);
      anyAndChain ||= next.count > 1;
      children.push(next.node);
    }
    if (children.length > 1 && anyAndChain) this.#mixedAndOr = true;
    return children.length === 1 ? first.node : { kind: 'or', children };
  }

  /** Returns how many operands the chain had: more than one, next to an OR, is the Lexis trap. */
  #and(field: Field | null, after?: Token): { node: QueryNode; count: number } {
    const children = [this.#unary(field, after)];
    for (;;) {
      const t = this.#peek();
      if (t.type === 'or' || t.type === 'rparen' || t.type === 'eof') break;
      if (t.type === 'and') {
        this.#next();
        if (this.#peek().type === 'not') {
          const not = this.#next();
          children.push({ kind: 'not', child: this.#unary(field, not) });
        } else {
          children.push(this.#unary(field, t));
        }
      } else if (t.type === 'not') {
        this.#next();
        children.push({ kind: 'not', child: this.#unary(field, t) });
      } else {
        children.push(this.#unary(field));
      }
    }
    return { node: children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children }, count: children.length };
  }

  #unary(field: Field | null, after?: Token): QueryNode {
    const t = this.#peek();
    if (t.type === 'not' || t.type === 'minus') {
      this.#next();
      return { kind: 'not', child: this.#unary(field, t) };
    }
    return this.#near(field, after);
  }

  #near(field: Field | null, after?: Token): QueryNode {
    const first = this.#primary(field, after);
    if (this.#peek().type !== 'near') return first;
    const operands = [first];
    let distance = Infinity;
    let pos = 0;
    while (this.#peek().type === 'near') {
      const op = this.#next() as Extract<Token, { type: 'near' }>;
      pos ||= op.pos;
      // a NEAR/5 b NEAR/10 c: every pair must satisfy the tighter limit, which is what one FTS5 NEAR() checks.
      distance = Math.min(distance, op.distance);
      operands.push(this.#primary(field, op));
    }
    const near: NearNode = { kind: 'near', operands: operands.flatMap((o) => (o.kind === 'near' ? o.operands : [o])), distance, pos };
    for (const o of near.operands) checkNearOperand(o, pos);
    return near;
  }

  #primary(field: Field | null, after?: Token): QueryNode {
    const t = this.#next();
    switch (t.type) {
      case 'lparen': {
        if (this.#peek().type === 'rparen') throw expected('a term inside the parentheses', this.#peek().pos);
        const inner = this.#or(field);
        const close = this.#next();
        if (close.type !== 'rparen') throw expected('")"', close.pos, describe(close));
        return inner;
      }
      case 'word':
        return field && !isTextField(field) ? this.#filter(field, t.text + (t.prefix ? '*' : ''), t.pos) : { kind: 'term', text: t.text, prefix: t.prefix, field: textField(field), pos: t.pos };
      case 'phrase':
        return field && !isTextField(field) ? this.#filter(field, t.text, t.pos) : { kind: 'phrase', text: t.text, prefix: t.prefix, field: textField(field), pos: t.pos };
      case 'field': {
        if (field) throw expected(`a term, not another field, inside ${field}:`, t.pos, `"${t.field}:"`);
        if (t.value === null) return this.#primary(t.field, t);
        const valuePos = t.pos + t.field.length + 1;
        if (!isTextField(t.field)) return this.#filter(t.field, t.value, valuePos);
        const prefix = t.value.length > 1 && t.value.endsWith('*');
        return { kind: 'term', text: prefix ? t.value.slice(0, -1) : t.value, prefix, field: t.field, pos: valuePos };
      }
      default: {
        const what = after?.type === 'field' ? `a value after "${after.field}:"` : after ? `a term after ${describe(after)}` : 'a term';
        throw expected(what, t.pos, describe(t));
      }
    }
  }

  #filter(field: FilterField, value: string, pos: number): FilterNode {
    const node: FilterNode = { kind: 'filter', field, value, pos };
    if (field === 'is') {
      const v = value.toLowerCase();
      if (!IS_VALUES.includes(v)) throw expected(`one of ${IS_VALUES.join(", ")} after "is:"`, pos, `"${value}"`);
      node.value = v;
    } else if (field === 'after' || field === 'before') {
      const day = dayRange(value);
      if (!day) throw expected(`a date like 2021-08-01 after "${field}:"`, pos, `"${value}"`);
      // after: includes its day (or month, or year); before: stops short of it.
      node.from = field === 'after' ? day.from : undefined;
      node.to = field === 'before' ? day.from : undefined;
    } else if (field === 'date') {
      const [a = '', b, ...rest] = value.split('..');
      const from = dayRange(a);
      const to = b === undefined ? from : dayRange(b);
      if (!from || !to || rest.length > 0) throw expected('a date or a range like 2021-08-01..2021-08-31 after "date:"', pos, `"${value}"`);
      if (to.to <= from.from) throw expected('a range whose end is not before its start', pos, `"${value}"`);
      node.from = from.from;
      node.to = to.to;
    }
    return node;
  }
}

function isTextField(field: Field): field is TextField {
  return field === 'title' || field === 'author';
}

function textField(field: Field | null): TextField | null {
  return field && isTextField(field) ? field : null;
}

/** YYYY, YYYY-MM or YYYY-MM-DD → the first day in it and the first day after it. */
function dayRange(text: string): { from: string; to: string } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const start = new Date(Date.UTC(year, month - 1, day));
  if (start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day) return null;
  const end = new Date(start);
  if (d !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (mo !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  const iso = (x: Date): string => x.toISOString().slice(0, 10);
  return { from: iso(start), to: iso(end) };
}

/** FTS5's NEAR takes phrases only: terms, phrases, and OR groups of them (expanded later), without fields. */
function checkNearOperand(node: QueryNode, pos: number): void {
  if (node.kind === 'or') {
    for (const c of node.children) checkNearOperand(c, pos);
    return;
  }
  if ((node.kind === 'term' || node.kind === 'phrase') && node.field === null) return;
  throw expected('terms, phrases or (a OR b) groups on both sides of NEAR', pos, `"${formatQuery(node)}"`);
}

/** Drops terms with no letters or digits ("-", "&"): the index has no words for them. */
function prune(node: QueryNode, warnings: string[]): QueryNode | null {
  switch (node.kind) {
    case 'term':
    case 'phrase': {
      if (words(node.text).length > 0) return node;
      warnings.push(`Ignored "${node.text}" at position ${node.pos}: it has no letters or digits to search for.`);
      return null;
    }
    case 'filter':
      return node;
    case 'not': {
      const child = prune(node.child, warnings);
      return child && { kind: 'not', child };
    }
    case 'near':
    case 'and':
    case 'or': {
      const kept = (node.kind === 'near' ? node.operands : node.children).map((c) => prune(c, warnings)).filter((c): c is QueryNode => c !== null);
      if (kept.length === 0) return null;
      if (kept.length === 1) return kept[0] as QueryNode;
      return node.kind === 'near' ? { ...node, operands: kept } : { kind: node.kind, children: kept };
    }
  }
}

function prefixWarnings(root: QueryNode | null): string[] {
  const out: string[] = [];
  const visit = (n: QueryNode): void => {
    if ((n.kind === 'term' || n.kind === 'phrase') && n.prefix && n.text.length < SHORT_PREFIX) out.push(`"${n.text}*" is a very short prefix: it matches a great many words.`);
    if (n.kind === 'and' || n.kind === 'or') n.children.forEach(visit);
    if (n.kind === 'near') n.operands.forEach(visit);
    if (n.kind === 'not') visit(n.child);
  };
  if (root) visit(root);
  return out;
}
