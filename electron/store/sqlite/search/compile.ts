// Compiles a parsed query to SQL over `article a`: one FTS5 MATCH expression where the query allows it (so
// results can be ranked by bm25), plus SQL conditions for field filters and for what FTS5 cannot say itself
// (a leading NOT, NOT inside OR, filters inside OR). Every term is quoted for FTS5, so punctuation never
// reaches its parser; unquoted terms go to the stemmed columns, quoted terms and prefixes to the raw ones.
import type { FilterNode, NearNode, QueryNode, TextField } from '../../../query/ast.ts';
import { foldWord, indexFold, words } from '../../../text/fold.ts';
import { stemWord } from '../../../text/stem.ts';
import { QuerySyntaxError } from '../../../query/errors.ts';
import { liveLabel, MAX_NEAR_EXPANSION } from '../../shared.ts';
import { canonicalKey } from '../entity-aliases.ts';
import { canonicalEntity } from '../../../labels/canonical.ts';

export interface CompiledQuery {
  /** The FTS5 expression the whole query (or its AND-ed text part) reduces to, or null when there is none. */
  match: string | null;
  /** An SQL condition on `a` (article) for the rest; '1' when there is nothing else. */
  where: string;
  params: unknown[];
  /** The query has outlet: or country: filters that call footnote_outlet() (registered per search): only when
   * compiled for a library without stored outlets. */
  needsOutlet: boolean;
  /**
   * When the whole query is one set filter (tag:, label:, is:flagged), the sub-query listing its article ids:
   * counting it needs no look-up in the (wide) article table.
   */
  idSet: string | null;
  /**
   * `where` rewritten over article_fts.rowid when it needs nothing of the article row but its id (text and
   * tag/label conditions): the query then runs inside the index without a look-up per match. Else null.
   */
  rowidWhere: string | null;
}

/**
 * 'set' suits searching many articles (text sub-queries run once); 'row' suits testing some given articles, as
 * the auto-tag rules do at ingest: text sub-queries run once over the rowid range of those articles, bound by
 * the FIRST_ID and LAST_ID placeholders in `params` (FTS5 seeks to the range, so the cost follows the batch, not
 * the library: probing each article by rowid decoded a common term's whole doclist per article).
 */
export type CompileMode = 'set' | 'row';

/** Placeholders in a 'row' compilation's params: the smallest and largest id of the articles tested. */
export const FIRST_ID = Symbol('first article id');
export const LAST_ID = Symbol('last article id');

/** bm25 weights in FTS column order (title, author, summary, text, title_stem, text_stem): titles count 5×. */
export const BM25_WEIGHTS = '5.0, 1.0, 1.0, 1.0, 5.0, 1.0';

const RAW_COLUMNS: Record<TextField | 'any', string> = { any: '{title summary text}', title: 'title', author: 'author' };
const STEM_COLUMNS: Record<TextField | 'any', string> = { any: '{title_stem text_stem}', title: 'title_stem', author: 'author' };

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function tokens(text: string): string[] {
  return words(indexFold(text)).map((w) => foldWord(w.word));
}

/** A term or phrase as an FTS5 phrase string, without a column filter. `inRaw` forces the raw columns. */
function leafPhrase(node: QueryNode & { kind: 'term' | 'phrase' }, inRaw: boolean): string {
  const ws = tokens(node.text);
  if (node.kind === 'phrase' || node.prefix || node.field === 'author') return `${quote(ws.join(' '))}${node.prefix ? '*' : ''}`;
  const stems = ws.map(stemWord).join(' ');
  // In the raw columns a stem becomes a prefix: sanction* still finds "sanctions" and "sanctioned".
  return inRaw ? `${quote(stems)}*` : quote(stems);
}

function usesStems(node: QueryNode & { kind: 'term' | 'phrase' }): boolean {
  return node.kind === 'term' && !node.prefix && node.field !== 'author';
}

function leafFts(node: QueryNode & { kind: 'term' | 'phrase' }): string {
  const columns = usesStems(node) ? STEM_COLUMNS : RAW_COLUMNS;
  return `${columns[node.field ?? 'any']} : ${leafPhrase(node, false)}`;
}

type Leaf = QueryNode & { kind: 'term' | 'phrase' };

function alternatives(node: QueryNode): Leaf[] {
  if (node.kind === 'or') return node.children.flatMap(alternatives);
  if (node.kind === 'term' || node.kind === 'phrase') return [node];
  throw new Error(`NEAR operand ${node.kind} was not checked by the parser`);
}

function nearFts(node: NearNode): string {
  const groups = node.operands.map(alternatives);
  const combos = groups.reduce((n, g) => n * g.length, 1);
  if (combos > MAX_NEAR_EXPANSION) {
    throw new QuerySyntaxError(`The NEAR at position ${node.pos} expands to ${combos} combinations of its OR groups (at most ${MAX_NEAR_EXPANSION}): use fewer alternatives`, node.pos);
  }
  // All stemmed terms: search the stemmed columns. Any phrase or prefix: all go to the raw columns together.
  const stemmed = groups.every((g) => g.every(usesStems));
  const columns = stemmed ? STEM_COLUMNS.any : RAW_COLUMNS.any;
  let product: string[][] = [[]];
  for (const g of groups) product = product.flatMap((combo) => g.map((leaf) => [...combo, leafPhrase(leaf, !stemmed)]));
  const nears = product.map((combo) => `NEAR(${combo.join(' ')}, ${node.distance})`);
  return `${columns} : ${nears.length === 1 ? nears[0] : `(${nears.join(' OR ')})`}`;
}

/** True when the node can be said in FTS5 alone and matches something by itself (no bare NOT at its top). */
function isText(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term': case 'phrase': case 'near': return true;
    case 'filter': case 'not': return false;
    case 'or': return node.children.every(isText);
    case 'and': return node.children.some(isText) && node.children.every((c) => isText(c) || (c.kind === 'not' && isText(c.child)));
  }
}

function textFts(node: QueryNode): string {
  switch (node.kind) {
    case 'term': case 'phrase': return leafFts(node);
    case 'near': return nearFts(node);
    case 'or': return node.children.map((c) => `(${textFts(c)})`).join(' OR ');
    case 'and': {
      const positive = node.children.filter(isText).map((c) => `(${textFts(c)})`).join(' AND ');
      // FTS5's NOT is binary: ((p) NOT (n1)) NOT (n2).
      return node.children.filter((c) => c.kind === 'not').reduce((acc, c) => `(${acc}) NOT (${textFts((c as { child: QueryNode }).child)})`, positive);
    }
    default: throw new Error(`${node.kind} is not a text node`);
  }
}

class SqlBuilder {
  readonly params: unknown[] = [];
  needsOutlet = false;
  /** Set by a condition that reads article columns other than id. */
  readsRow = false;
  readonly #mode: CompileMode;
  readonly #storedOutlets: boolean;

  constructor(mode: CompileMode, storedOutlets: boolean) {
    this.#mode = mode;
    this.#storedOutlets = storedOutlets;
  }

  textCondition(fts: string): string {
    if (this.#mode === 'set') {
      this.params.push(fts);
      return 'a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)';
    }
    this.params.push(fts, FIRST_ID, LAST_ID);
    return 'a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid BETWEEN ? AND ?)';
  }

  condition(node: QueryNode): string {
    if (isText(node)) return this.textCondition(textFts(node));
    switch (node.kind) {
      case 'not': return `NOT (${this.condition(node.child)})`;
      case 'or': return node.children.map((c) => `(${this.condition(c)})`).join(' OR ');
      case 'and': {
        const { text, rest } = splitAnd(node);
        const parts = text ? [this.textCondition(textFts(text))] : [];
        return [...parts, ...rest.map((c) => `(${this.condition(c)})`)].join(' AND ');
      }
      case 'filter': return this.filter(node);
      default: throw new Error(`unexpected ${node.kind}`);
    }
  }

  filter(node: FilterNode): string {
    const v = node.value;
    if (node.field !== 'tag' && node.field !== 'label' && !(node.field === 'is' && node.value === 'flagged')) this.readsRow = true;
    switch (node.field) {
      case 'feed': {
        // A number is a feed id; anything else a piece of the feed's title or address.
        if (/^\d+$/.test(v)) {
          this.params.push(Number(v));
          return 'a.feed_id = ?';
        }
        const like = `%${likeEscape(foldWord(v))}%`;
        this.params.push(like, like, like);
        return "a.feed_id IN (SELECT id FROM feed WHERE footnote_lower(coalesce(title, '')) LIKE ? ESCAPE '\\' OR footnote_lower(url) LIKE ? ESCAPE '\\' OR footnote_lower(coalesce(site_url, '')) LIKE ? ESCAPE '\\')";
      }
      case 'tag':
        this.params.push(foldWord(v));
        return `a.id IN (${TAG_SET})`;
      case 'label':
        this.params.push(...labelParams(v));
        return `a.id IN (${LABEL_SET})`;
      case 'lang': {
        const code = v.toLowerCase();
        this.params.push(code, `${likeEscape(code)}-%`);
        return `${LANG_EXPR} = ? OR ${LANG_EXPR} LIKE ? ESCAPE '\\'`;
      }
      case 'is':
        if (v === 'unread') return 'a.is_read = 0';
        if (v === 'read') return 'a.is_read = 1';
        if (v === 'starred') return 'a.is_starred = 1';
        // Edited: more than one version (a significant change, articles/CHANGES.md); deleted: a re-check said so.
        if (v === 'edited') return 'a.version_count > 1';
        if (v === 'deleted') return 'a.deleted_at IS NOT NULL';
        return `a.id IN (${FLAGGED_SET})`;
      case 'label-changed': {
        // A label the outlet added or dropped in a later version: `added`, `removed`, `any`, or a kind or entity.
        const which = v.toLowerCase();
        if (which === 'any') return `a.id IN (${LABEL_CHANGED_SET})`;
        if (which === 'added') return `a.id IN (${LABEL_CHANGED_SET} AND l.removed_at IS NULL)`;
        if (which === 'removed') return `a.id IN (${LABEL_CHANGED_SET} AND l.removed_at IS NOT NULL)`;
        this.params.push(which.replace(/[\s-]+/g, '_'), foldWord(v));
        return `a.id IN (${LABEL_CHANGED_SET} AND (l.kind = ? OR footnote_lower(l.entity) = ?))`;
      }
      case 'after': case 'before': case 'date': {
        const parts: string[] = [];
        if (node.from) { parts.push(`${DATE_EXPR} >= ?`); this.params.push(node.from); }
        if (node.to) { parts.push(`${DATE_EXPR} < ?`); this.params.push(node.to); }
        return parts.join(' AND ');
      }
      case 'outlet': case 'country':
        this.needsOutlet = true;
        this.params.push(node.field, foldWord(v));
        if (!this.#storedOutlets) return OUTLET_CALL;
        // The outlet stored on the article at ingest (schema 5): a column test; the resolver only for rows that
        // ingest did not write (outlet_key NULL; '' means "no outlet").
        this.params.push(foldWord(v));
        return `CASE WHEN a.outlet_key IS NULL THEN ${OUTLET_CALL} ELSE ${node.field === 'outlet' ? 'instr(a.outlet_key, ?) > 0' : "lower(coalesce(a.outlet_country, '')) = ?"} END`;
    }
  }
}

const OUTLET_CALL = 'footnote_outlet(coalesce(a.link, a.canonical_link), (SELECT site_url FROM feed WHERE id = a.feed_id), (SELECT url FROM feed WHERE id = a.feed_id), ?, ?)';

/** The date an article is filed under: when it was published, else when Footnote first saw it. */
const TAG_SET = 'SELECT article_id FROM article_tag WHERE tag_id IN (SELECT id FROM tag WHERE footnote_lower(name) = ?)';
// label:X is a kind, or an entity in any language or script: by its canonical name, by what the shipped alias
// table makes of X ("Талибан" → Taliban), by an analyst's alias in the library, or as written.
const LABEL_SET = `SELECT article_id FROM label WHERE ${liveLabel()} AND (kind = ? OR canonical_key IN (?, ?)
  OR canonical_key IN (SELECT footnote_lower(canonical) FROM entity_alias WHERE alias_key = ?) OR footnote_lower(entity) = ?)`;

function labelParams(v: string): unknown[] {
  const folded = canonicalKey(v);
  return [v.toLowerCase().replace(/[\s-]+/g, '_'), folded, canonicalKey(canonicalEntity(v).canonical), folded, foldWord(v)];
}
const FLAGGED_SET = `SELECT article_id FROM label WHERE ${liveLabel()}`;
/** Detector labels that changed after the first version: removed, or first seen after the article was. Only an
 * edited article counts, since a label change always makes a version. */
const LABEL_CHANGED_SET = `SELECT l.article_id FROM label l JOIN article x ON x.id = l.article_id
  WHERE l.origin = 'detector' AND x.version_count > 1 AND (l.removed_at IS NOT NULL OR l.first_seen_at > x.first_seen_at)`;

/** The id sub-query of a lone set filter, or null. */
function idSetOf(root: QueryNode): string | null {
  if (root.kind !== 'filter') return null;
  if (root.field === 'tag') return TAG_SET;
  if (root.field === 'label') return LABEL_SET;
  return root.field === 'is' && root.value === 'flagged' ? FLAGGED_SET : null;
}

export const DATE_EXPR = 'coalesce(a.published_at, a.first_seen_at)';
const LANG_EXPR = "lower(coalesce(a.lang, (SELECT language FROM feed WHERE id = a.feed_id), ''))";

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The AND's text-only children (positives and NOTs of text), folded into one node, and the rest. */
function splitAnd(node: QueryNode & { kind: 'and' }): { text: QueryNode | null; rest: QueryNode[] } {
  const textual = node.children.filter((c) => isText(c) || (c.kind === 'not' && isText(c.child)));
  const candidate: QueryNode | null = textual.length === 0 ? null : textual.length === 1 ? (textual[0] as QueryNode) : { kind: 'and', children: textual };
  if (!candidate || !isText(candidate)) return { text: null, rest: node.children };
  return { text: candidate, rest: node.children.filter((c) => !textual.includes(c)) };
}

/** The whole query as one SQL condition on `a`. */
export function compileCondition(root: QueryNode | null, mode: CompileMode, storedOutlets = false): { where: string; params: unknown[]; needsOutlet: boolean } {
  if (!root) return { where: '1', params: [], needsOutlet: false };
  const b = new SqlBuilder(mode, storedOutlets);
  const where = b.condition(root);
  return { where, params: b.params, needsOutlet: b.needsOutlet };
}

/** `storedOutlets`: outlet: and country: read the outlet stored on each article rather than a resolver. */
export function compileQuery(root: QueryNode | null, storedOutlets = false): CompiledQuery {
  const b = new SqlBuilder('set', storedOutlets);
  if (!root) return { match: null, where: '1', params: [], needsOutlet: false, idSet: null, rowidWhere: null };
  if (isText(root)) return { match: textFts(root), where: '1', params: [], needsOutlet: false, idSet: null, rowidWhere: null };
  if (root.kind === 'and') {
    const { text, rest } = splitAnd(root);
    if (text) {
      const where = rest.map((c) => `(${b.condition(c)})`).join(' AND ');
      // The unary + keeps SQLite from driving the index by those ids (one MATCH per id): it filters instead.
      const rowidWhere = b.readsRow ? null : where.replace(/\ba\.id\b/g, '+article_fts.rowid');
      return { match: textFts(text), where, params: b.params, needsOutlet: b.needsOutlet, idSet: null, rowidWhere };
    }
  }
  const where = b.condition(root);
  return { match: null, where, params: b.params, needsOutlet: b.needsOutlet, idSet: idSetOf(root), rowidWhere: null };
}
