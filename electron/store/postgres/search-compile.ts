// Compiles a parsed query (the AST the SQLite engine compiles too) to SQL for the team library, with the meaning
// the SQLite compiler (store/search/compile.ts) gives it, so both engines return the same articles:
// - an unquoted term matches its stems in title_stem or text_stem; a quoted phrase, a prefix or an author: term
//   matches the folded words of title, summary and text (or of the named field); a term matches when it matches
//   in one column, like an FTS5 column filter;
// - NEAR/n allows at most n words between its operands, in any order, within one column (FTS5's count);
// - field filters are SQL over the tables; names compare through keys the app folded (see migration 1).
// Every term, value and date is a parameter: user text never becomes SQL. Terms become tsquery literals
// ('word', 'word':*, <N>, |, &), which PostgreSQL reads without a text-search configuration.
import type { FilterNode, NearNode, QueryNode, TextField } from '../../query/ast.ts';
import { foldWord, indexFold, words } from '../../text/fold.ts';
import { stemWord } from '../../text/stem.ts';
import { QuerySyntaxError } from '../../query/errors.ts';
import { MAX_NEAR_EXPANSION } from '../shared.ts';
import { canonicalKey, liveLabel } from '../shared.ts';
import { canonicalEntity } from '../../labels/canonical.ts';
import { quoteLexeme, SEARCH_COLUMNS } from './search-document.ts';

/** The parameters of one statement: `add` returns the placeholder ($1, $2…) of the value it keeps. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface PgSearchContext {
  /** The analyst searching: is:read, is:unread and is:starred are theirs. */
  analystId: number;
}

export interface PgCompiledQuery {
  /** A condition over article `a` and, when `usesIndex`, article_search `s` (joined on s.article_id = a.id). */
  where: string;
  usesIndex: boolean;
  /**
   * An expression to sort by, best first, when the query has a text part AND-ed with the rest (the SQLite engine
   * ranks exactly those by bm25); null otherwise, and results go newest first.
   */
  rank: string | null;
}

type Column = (typeof SEARCH_COLUMNS)[number];
type Leaf = QueryNode & { kind: 'term' | 'phrase' };

const RAW_COLUMNS: Record<TextField | 'any', Column[]> = { any: ['title', 'summary', 'text'], title: ['title'], author: ['author'] };
const STEM_COLUMNS: Record<TextField | 'any', Column[]> = { any: ['title_stem', 'text_stem'], title: ['title_stem'], author: ['author'] };
/** About 20,000 tsquery nodes, parsed in ~100 ms: NEAR/1000 of two words, NEAR/300 of two four-word OR groups. */
const MAX_NEAR_QUERY_CHARS = 100_000;
/** ts_rank_cd per column, weighted like the SQLite engine's bm25: titles count 5×. */
const RANK_WEIGHTS: Record<Column, number> = { title: 5, author: 1, summary: 1, text: 1, title_stem: 5, text_stem: 1 };

function usesStems(node: Leaf): boolean {
  return node.kind === 'term' && !node.prefix && node.field !== 'author';
}

/** A leaf's lexemes, in order, and whether the last one is a prefix. */
function lexemes(node: Leaf, inRaw: boolean): { words: string[]; prefix: boolean } {
  const ws = words(indexFold(node.text)).map((w) => foldWord(w.word));
  if (!usesStems(node)) return { words: ws, prefix: node.prefix };
  // In the raw columns a stem becomes a prefix: sanction* still finds "sanctions" and "sanctioned".
  return { words: ws.map(stemWord), prefix: inRaw };
}

function lexeme(word: string, prefix: boolean): string {
  return `${quoteLexeme(word)}${prefix ? ':*' : ''}`;
}

/** A phrase as tsquery text: 'a' <-> 'b' <-> 'c':*. */
function phrase(ws: string[], prefix: boolean): string {
  const parts = ws.map((w, i) => lexeme(w, prefix && i === ws.length - 1));
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' <-> ')})`;
}

/** a | b | c as a balanced tree, so that long alternatives never nest deeply (tsquery evaluation recurses). */
function anyOf(parts: string[]): string {
  if (parts.length === 1) return parts[0] as string;
  const mid = parts.length >> 1;
  return `(${anyOf(parts.slice(0, mid))} | ${anyOf(parts.slice(mid))})`;
}

function alternatives(node: QueryNode): Leaf[] {
  if (node.kind === 'or') return node.children.flatMap(alternatives);
  if (node.kind === 'term' || node.kind === 'phrase') return [node];
  throw new Error(`NEAR operand ${node.kind} was not checked by the parser`);
}

interface TextQuery {
  columns: Column[];
  tsquery: string;
}

function leafQuery(node: Leaf): TextQuery {
  const columns = (usesStems(node) ? STEM_COLUMNS : RAW_COLUMNS)[node.field ?? 'any'];
  const { words: ws, prefix } = lexemes(node, false);
  return { columns, tsquery: phrase(ws, prefix) };
}

/** A NEAR's operands as alternatives of phrases, and the columns it searches. */
function nearOperands(node: NearNode): { columns: Column[]; operands: { words: string[]; prefix: boolean }[][] } {
  const groups = node.operands.map(alternatives);
  const combos = groups.reduce((n, g) => n * g.length, 1);
  // tsquery needs no expansion, but a query the SQLite engine refuses is refused here too, with its words.
  if (combos > MAX_NEAR_EXPANSION) {
    throw new QuerySyntaxError(`The NEAR at position ${node.pos} expands to ${combos} combinations of its OR groups (at most ${MAX_NEAR_EXPANSION}): use fewer alternatives`, node.pos);
  }
  const stemmed = groups.every((g) => g.every(usesStems));
  return { columns: (stemmed ? STEM_COLUMNS : RAW_COLUMNS).any, operands: groups.map((g) => g.map((leaf) => lexemes(leaf, !stemmed))) };
}

/**
 * FTS5's NEAR(p1 p2 …, n) holds where some occurrence of every phrase lies in a window: from the earliest end to
 * the latest start, at most n + 1 positions. Taking in turn each operand as the anchor (the phrase that ends
 * first), every other operand must start 0 to n + 1 positions after the anchor's end: `anchor <d> other`. With
 * two operands that is the whole query. With more, the conjuncts must share one anchor occurrence: inside a
 * phrase operator, & and | keep only matches that start at the same position, so
 * `first <0> ((anchor <d> b) & (anchor <d> c))` (first = the anchor's first words) ties them together.
 * PostgreSQL measures `a <d> b` from the end of a as `a`'s widest alternative ends: an anchor's alternatives are
 * therefore grouped by their number of words, each group an anchor of its own.
 */
function nearQuery(node: NearNode): TextQuery {
  const { columns, operands } = nearOperands(node);
  const anchors: string[] = [];
  operands.forEach((alts, i) => {
    const others = operands.filter((_, j) => j !== i).map((other) => anyOf(other.map((o) => phrase(o.words, o.prefix))));
    for (const width of new Set(alts.map((a) => a.words.length))) {
      const same = alts.filter((a) => a.words.length === width);
      const self = anyOf(same.map((a) => phrase(a.words, a.prefix)));
      const conjuncts = others.map((target) => anyOf(Array.from({ length: node.distance + 2 }, (_, d) => `(${self} <${d}> ${target})`)));
      const first = anyOf(same.map((a) => lexeme(a.words[0] as string, a.prefix && width === 1)));
      anchors.push(conjuncts.length === 1 ? (conjuncts[0] as string) : `(${first} <0> (${conjuncts.join(' & ')}))`);
    }
  });
  const tsquery = anyOf(anchors);
  // PostgreSQL parses a tsquery in time that grows faster than its length: past this, seconds.
  if (tsquery.length > MAX_NEAR_QUERY_CHARS) {
    throw new QuerySyntaxError(`The NEAR/${node.distance} at position ${node.pos} is too large for the team library's index: use a smaller distance or fewer alternatives`, node.pos);
  }
  return { columns, tsquery };
}

/**
 * What a NEAR is ranked by: all its operands. Cover density rewards them for being close by itself, and ranking
 * with the NEAR's own query (thousands of alternatives at NEAR/1000) would take seconds per query.
 */
function nearRankQuery(node: NearNode): TextQuery {
  const { columns, operands } = nearOperands(node);
  return { columns, tsquery: `(${operands.map((alts) => anyOf(alts.map((a) => phrase(a.words, a.prefix)))).join(' & ')})` };
}

/**
 * True when the SQLite compiler would put the node in its FTS5 MATCH expression. A copy of compile.ts's isText,
 * which that file does not export yet: when the query language moves to its own folder, both import one.
 */
function isText(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term': case 'phrase': case 'near': return true;
    case 'filter': case 'not': return false;
    case 'or': return node.children.every(isText);
    case 'and': return node.children.some(isText) && node.children.every((c) => isText(c) || (c.kind === 'not' && isText(c.child)));
  }
}

/** The part of the query the SQLite engine ranks by: the whole query, or the text children of a top-level AND. */
function rankedPart(root: QueryNode): QueryNode[] {
  if (isText(root)) return [root];
  if (root.kind !== 'and') return [];
  const textual = root.children.filter((c) => isText(c) || (c.kind === 'not' && isText(c.child)));
  return textual.some(isText) ? textual : [];
}

class Compiler {
  readonly #params: SqlParams;
  readonly #ctx: PgSearchContext;
  usesIndex = false;

  constructor(params: SqlParams, ctx: PgSearchContext) {
    this.#params = params;
    this.#ctx = ctx;
  }

  text(q: TextQuery): string {
    this.usesIndex = true;
    const p = this.#params.add(q.tsquery);
    return `(${q.columns.map((c) => `s.${c} @@ ${p}::tsquery`).join(' OR ')})`;
  }

  condition(node: QueryNode): string {
    switch (node.kind) {
      case 'term': case 'phrase': return this.text(leafQuery(node));
      case 'near': return this.text(nearQuery(node));
      case 'not': return `NOT ${this.condition(node.child)}`;
      case 'and': return `(${node.children.map((c) => this.condition(c)).join(' AND ')})`;
      case 'or': return `(${node.children.map((c) => this.condition(c)).join(' OR ')})`;
      case 'filter': return `(${this.filter(node)})`;
    }
  }

  /** Each filter is true or false for every article, never NULL, so that NOT keeps its meaning. */
  filter(node: FilterNode): string {
    const v = node.value;
    const add = (value: unknown): string => this.#params.add(value);
    switch (node.field) {
      case 'feed':
        // A number is a feed id; anything else a piece of the feed's title or address.
        if (/^\d+$/.test(v)) return `a.feed_id = ${add(Number(v))}`;
        return `a.feed_id IN (SELECT f.id FROM feed f WHERE EXISTS (SELECT 1 FROM unnest(f.match_keys) k WHERE k LIKE ${add(`%${likeEscape(foldWord(v))}%`)}))`;
      case 'tag':
        return `a.id IN (SELECT at.article_id FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE t.name_key = ${add(foldWord(v))})`;
      case 'label': {
        // A kind, or an entity in any language or script: by its canonical name, by what the shipped alias table
        // makes of it ("Талибан" → Taliban), by a team alias, or as written (as the SQLite engine's LABEL_SET).
        const folded = add(canonicalKey(v));
        return `a.id IN (SELECT article_id FROM label WHERE ${liveLabel()} AND (kind = ${add(v.toLowerCase().replace(/[\s-]+/g, '_'))}
          OR canonical_key IN (${folded}, ${add(canonicalKey(canonicalEntity(v).canonical))})
          OR canonical_key IN (SELECT canonical_key FROM entity_alias WHERE alias_key = ${folded}) OR entity_key = ${add(foldWord(v))}))`;
      }
      case 'lang': {
        const code = v.toLowerCase();
        // Language codes are ASCII, which lower() folds the same in every server locale.
        const lang = "lower(coalesce(a.lang, (SELECT language FROM feed WHERE id = a.feed_id), ''))";
        return `${lang} = ${add(code)} OR ${lang} LIKE ${add(`${likeEscape(code)}-%`)}`;
      }
      case 'label-changed': {
        // A label the outlet added or dropped in a later version: `added`, `removed`, `any`, or a kind or entity.
        const which = v.toLowerCase();
        if (which === 'any') return `a.id IN (${LABEL_CHANGED_SET})`;
        if (which === 'added') return `a.id IN (${LABEL_CHANGED_SET} AND l.removed_at IS NULL)`;
        if (which === 'removed') return `a.id IN (${LABEL_CHANGED_SET} AND l.removed_at IS NOT NULL)`;
        return `a.id IN (${LABEL_CHANGED_SET} AND (l.kind = ${add(which.replace(/[\s-]+/g, '_'))} OR l.entity_key = ${add(foldWord(v))}))`;
      }
      case 'is': {
        // Edited: more than one version (a significant change, articles/CHANGES.md); deleted: a re-check said so.
        if (v === 'edited') return 'a.version_count > 1';
        if (v === 'deleted') return 'a.deleted_at IS NOT NULL';
        if (v === 'flagged') return `a.id IN (SELECT article_id FROM label WHERE ${liveLabel()})`;
        const column = v === 'starred' ? 'starred_at' : 'read_at';
        const mine = `EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = a.id AND st.analyst_id = ${add(this.#ctx.analystId)} AND st.${column} IS NOT NULL)`;
        return v === 'unread' ? `NOT ${mine}` : mine;
      }
      case 'after': case 'before': case 'date': {
        // Days are UTC days, as the SQLite engine compares ISO strings.
        const parts: string[] = [];
        if (node.from) parts.push(`${DATE_EXPR} >= ${add(`${node.from}T00:00:00Z`)}::timestamptz`);
        if (node.to) parts.push(`${DATE_EXPR} < ${add(`${node.to}T00:00:00Z`)}::timestamptz`);
        return parts.join(' AND ');
      }
      case 'outlet':
        return `coalesce(strpos(a.outlet_key, ${add(foldWord(v))}), 0) > 0`;
      case 'country':
        return `coalesce(a.country_key = ${add(foldWord(v))}, false)`;
    }
  }

  /**
   * Σ weight × ts_rank_cd over the columns the ranked part's positive terms search, divided by the article's
   * length in distinct words: like FTS5's bm25, which normalises by the length of the whole row, a match in a
   * short article outweighs one in a long article, and a title match counts 5×.
   */
  rank(nodes: QueryNode[]): string | null {
    const byColumn = new Map<Column, string[]>();
    const visit = (n: QueryNode): void => {
      if (n.kind === 'and' || n.kind === 'or') n.children.forEach(visit);
      if (n.kind !== 'term' && n.kind !== 'phrase' && n.kind !== 'near') return;
      const q = n.kind === 'near' ? nearRankQuery(n) : leafQuery(n);
      for (const c of q.columns) byColumn.set(c, [...(byColumn.get(c) ?? []), q.tsquery]);
    };
    nodes.forEach(visit);
    if (byColumn.size === 0) return null;
    const terms = [...byColumn].map(([c, qs]) => `${RANK_WEIGHTS[c]} * ts_rank_cd(s.${c}, ${this.#params.add(anyOf(qs))}::tsquery)`);
    return `(${terms.join(' + ')}) / (1 + length(s.title) + length(s.summary) + length(s.text))`;
  }
}

/** Detector labels that changed after the first version: removed, or first seen after the article was. Only an
 * edited article counts, since a label change always makes a version. */
const LABEL_CHANGED_SET = `SELECT l.article_id FROM label l JOIN article x ON x.id = l.article_id
  WHERE l.origin = 'detector' AND x.version_count > 1 AND (l.removed_at IS NOT NULL OR l.first_seen_at > x.first_seen_at)`;

/** The date an article is filed under: when it was published, else when Footnote first saw it. */
export const DATE_EXPR = 'coalesce(a.published_at, a.first_seen_at)';

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Compiles the whole query; its values are added to `params`. An empty query matches every article. Without
 * `ranked` no rank is built (a statement must use every parameter it is given: counting needs no rank).
 */
export function compilePgQuery(root: QueryNode | null, ctx: PgSearchContext, params: SqlParams, ranked = true): PgCompiledQuery {
  if (!root) return { where: 'true', usesIndex: false, rank: null };
  const c = new Compiler(params, ctx);
  const where = c.condition(root);
  return { where, usesIndex: c.usesIndex, rank: ranked ? c.rank(rankedPart(root)) : null };
}
