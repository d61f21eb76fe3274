// What the reader shows from the team library: windows of the article list (newest first), one article in full,
// read and star marks and the sidebar's counts. Read and starred are the analyst's own (article_state); tags,
// labels and everything else are the team's.
import type pg from 'pg';
import { folderCounts, liveLabel } from '../shared.ts';
import type { ArticleDetail, ArticleLabel, ArticleTag, FeedCount, ListFilter, ListItem, OutletBadge, SidebarCounts } from '../records.ts';
import type { OutletRegistry } from '../../labels/outlets.ts';

type Client = pg.ClientBase;

const FLAGGED = `EXISTS (SELECT 1 FROM label l WHERE l.article_id = a.id AND ${liveLabel('l')})`;
/** The analyst's mark on article `a`, as a condition; the analyst is parameter $1 of every statement here. */
const mine = (column: 'read_at' | 'starred_at'): string =>
  `EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = a.id AND st.analyst_id = $1 AND st.${column} IS NOT NULL)`;

function whereClause(f: ListFilter, params: unknown[]): string {
  const parts: string[] = [];
  const add = (v: unknown): string => `$${params.push(v)}`;
  if (f.view === 'unread') parts.push(`NOT ${mine('read_at')}`);
  else if (f.view === 'starred') parts.push(mine('starred_at'));
  else if (f.view === 'flagged') parts.push(FLAGGED);
  if (f.feedId !== undefined) parts.push(`a.feed_id = ${add(f.feedId)}`);
  if (f.folder !== undefined) parts.push(`a.feed_id IN (SELECT fe.id FROM feed fe JOIN folder fo ON fo.id = fe.folder_id WHERE fo.name = ${add(f.folder)})`);
  if (f.tag !== undefined) parts.push(`EXISTS (SELECT 1 FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id AND t.name = ${add(f.tag)})`);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

// Newest first, undated last, as the SQLite engine sorts.
const ORDER = 'ORDER BY a.published_at DESC NULLS LAST, a.id DESC';

/** The stored outlet columns of `a`, aliased for outletBadge(). */
export const OUTLET_COLUMNS = 'a.outlet AS "outletName", a.outlet_country AS "outletCountry", a.outlet_category AS "outletCategory"';

/** The outlet stored on `a` at ingest, and the article's versions and deletion, as both engines' lists show them. */
const ARTICLE_EXTRAS = `a.lang, ${OUTLET_COLUMNS}, a.version_count AS versions, a.deleted_at AS "deletedAt"`;

export interface OutletRow { outletName: string | null; outletCountry: string | null; outletCategory: string | null }

export function outletBadge(r: OutletRow): OutletBadge | null {
  return r.outletName === null ? null : { name: r.outletName, country: r.outletCountry ?? '', category: r.outletCategory ?? '' };
}

interface ListRow extends Omit<ListItem, 'tags' | 'labelKinds' | 'outlet'>, OutletRow { tags: string[] | null; labelKinds: string[] | null }

export async function listArticles(c: Client, analystId: number, filter: ListFilter, offset: number, limit: number): Promise<{ total: number; items: ListItem[] }> {
  const params: unknown[] = [analystId];
  const where = whereClause(filter, params);
  // A statement must use every parameter it is given: a filter without the analyst's marks names $1 harmlessly.
  const total = (await c.query<{ n: number }>(`SELECT count(*) AS n FROM article a ${where ? `${where} AND` : 'WHERE'} $1::bigint IS NOT NULL`, params)).rows[0]?.n ?? 0;
  const rows = (await c.query<ListRow>(`
    WITH page AS (SELECT a.id FROM article a ${where} ${ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2})
    SELECT a.id, a.feed_id AS "feedId", f.title AS "feedTitle", a.title, a.link, a.published_at AS published, a.first_seen_at AS "seenAt",
      ${mine('read_at')} AS "isRead", ${mine('starred_at')} AS "isStarred", ${ARTICLE_EXTRAS},
      (SELECT array_agg(t.name) FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags,
      (SELECT array_agg(DISTINCT l.kind) FROM label l WHERE l.article_id = a.id AND ${liveLabel('l')}) AS "labelKinds"
    FROM page JOIN article a ON a.id = page.id JOIN feed f ON f.id = a.feed_id
    ${ORDER}`, [...params, limit, offset])).rows;
  return {
    total,
    items: rows.map(({ outletName, outletCountry, outletCategory, ...r }) => ({
      ...r, tags: (r.tags ?? []).sort((x, y) => x.localeCompare(y)), labelKinds: (r.labelKinds ?? []).sort(),
      outlet: outletBadge({ outletName, outletCountry, outletCategory }),
    })),
  };
}

/** The article in full; its outlet's source is the registry's word, read from `registry` for this one article. */
export async function getArticle(c: Client, analystId: number, id: number, registry: OutletRegistry): Promise<ArticleDetail | undefined> {
  const found = (await c.query<Omit<ArticleDetail, 'tags' | 'labels' | 'outlet'> & OutletRow>(`SELECT a.id, a.feed_id AS "feedId", f.title AS "feedTitle",
      f.url AS "feedUrl", f.site_url AS "siteUrl", a.title, a.link, a.author, a.published_at AS published, a.updated_at AS updated,
      a.first_seen_at AS "seenAt", a.summary, a.content, a.full_html AS "fullHtml", a.categories, ${mine('read_at')} AS "isRead",
      ${mine('starred_at')} AS "isStarred", ${ARTICLE_EXTRAS}, a.deleted_reason AS "deletedReason"
    FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id = $2`, [analystId, id])).rows[0];
  if (!found) return undefined;
  const { outletName, outletCountry, outletCategory, ...row } = found;
  const badge = outletBadge({ outletName, outletCountry, outletCategory });
  const entry = badge && registry.entries.find((e) => e.name === badge.name);
  const outlet = badge && { ...badge, source: entry ? (entry.date ? `${entry.source} (${entry.date})` : entry.source) : '' };
  const tags = (await c.query<ArticleTag>(`SELECT t.name, t.color, at.rule_id IS NOT NULL AS "byRule" FROM article_tag at JOIN tag t ON t.id = at.tag_id
    WHERE at.article_id = $1 ORDER BY t.name COLLATE "C"`, [id])).rows;
  const labels = (await c.query<ArticleLabel>(`SELECT id, kind, entity, coalesce(canonical, entity) AS canonical, rule, marker, evidence, start, "end",
    origin, review, note, reject_reason AS "rejectReason" FROM label
    WHERE article_id = $1 AND removed_at IS NULL ORDER BY start NULLS FIRST, id`, [id])).rows;
  return { ...row, tags, labels, outlet };
}

/** Sets the analyst's read and/or starred marks; returns how many of the articles exist (SQLite's count of rows). */
export async function markArticles(c: Client, analystId: number, ids: number[], marks: { read?: boolean | undefined; starred?: boolean | undefined }): Promise<number> {
  const sets: string[] = [];
  if (marks.read !== undefined) sets.push(`read_at = ${marks.read ? 'now()' : 'NULL'}`);
  if (marks.starred !== undefined) sets.push(`starred_at = ${marks.starred ? 'now()' : 'NULL'}`);
  if (sets.length === 0 || ids.length === 0) return 0;
  const r = await c.query(`INSERT INTO article_state (analyst_id, article_id, read_at, starred_at)
    SELECT $1, id, ${marks.read ? 'now()' : 'NULL'}, ${marks.starred ? 'now()' : 'NULL'} FROM article WHERE id = ANY($2)
    ON CONFLICT (analyst_id, article_id) DO UPDATE SET ${sets.join(', ')}`, [analystId, ids]);
  return r.rowCount ?? 0;
}

export async function markAllRead(c: Client, analystId: number, filter: ListFilter): Promise<number> {
  const params: unknown[] = [analystId];
  const where = whereClause({ ...filter, view: filter.view === 'unread' ? 'all' : filter.view }, params);
  const unread = `NOT ${mine('read_at')}`;
  const r = await c.query(`INSERT INTO article_state (analyst_id, article_id, read_at)
    SELECT $1, a.id, now() FROM article a ${where ? `${where} AND ${unread}` : `WHERE ${unread}`}
    ON CONFLICT (analyst_id, article_id) DO UPDATE SET read_at = now()`, params);
  return r.rowCount ?? 0;
}

export async function countFlagged(c: Client, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await c.query<{ n: number }>(`SELECT count(DISTINCT article_id) AS n FROM label WHERE ${liveLabel()} AND article_id = ANY($1)`, [ids])).rows[0]?.n ?? 0;
}

export async function sidebarCounts(c: Client, analystId: number): Promise<SidebarCounts> {
  const read = 'EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = a.id AND st.analyst_id = $1 AND st.read_at IS NOT NULL)';
  const perFeedRows = (await c.query<{ id: number; total: number; unread: number }>(`SELECT a.feed_id AS id, count(*) AS total,
      count(*) FILTER (WHERE NOT ${read}) AS unread FROM article a GROUP BY a.feed_id`, [analystId])).rows;
  const perFeed = new Map(perFeedRows.map((r) => [r.id, r]));
  const starred = (await c.query<{ n: number }>('SELECT count(*) AS n FROM article_state WHERE analyst_id = $1 AND starred_at IS NOT NULL', [analystId])).rows[0]?.n ?? 0;
  const flagged = (await c.query<{ n: number }>(`SELECT count(DISTINCT article_id) AS n FROM label WHERE ${liveLabel()}`)).rows[0]?.n ?? 0;
  const feeds = (await c.query<Omit<FeedCount, 'total' | 'unread'>>(`SELECT f.id, f.title, f.url, f.site_url AS "siteUrl", fo.name AS folder, f.status,
      f.last_error AS "lastError", f.error_count AS "errorCount" FROM feed f LEFT JOIN folder fo ON fo.id = f.folder_id
    ORDER BY coalesce(fo.position, 0), fo.name NULLS FIRST, lower(coalesce(f.title, f.url))`)).rows
    .map((f) => ({ ...f, total: perFeed.get(f.id)?.total ?? 0, unread: perFeed.get(f.id)?.unread ?? 0 }));
  const tags = (await c.query<{ name: string; color: string | null; count: number }>(`SELECT t.name, t.color, count(at.article_id) AS count
    FROM tag t LEFT JOIN article_tag at ON at.tag_id = t.id GROUP BY t.id ORDER BY t.name COLLATE "C"`)).rows;
  const all = perFeedRows.reduce((n, r) => n + r.total, 0);
  const unread = perFeedRows.reduce((n, r) => n + r.unread, 0);
  return { all, unread, starred, flagged, feeds, folders: folderCounts(feeds), tags };
}
