// Labels on the team library: the detector's labels kept in step with each version of an article, reviews (the
// current one on the label, every one in label_review with who and when), labels added by hand, the Flags counts.
// Each label keeps its canonical entity (the team's aliases applied, entity-aliases.ts) and the detector rule that
// found it, and a rejection its reason, as SQLite's schema 8 does.
import { canonicalEntity } from '../../labels/canonical.ts';
import type pg from 'pg';
import type { Label, LabelReview, RejectReason } from '../../model.ts';
import type { FlagCount, FlagFilter } from '../../labels/flags.ts';
import { foldWord } from '../../text/fold.ts';
import { canonicalKey } from '../shared.ts';
import type { LabelRecord, ManualLabel, ReviewCount } from '../records.ts';
import { libraryCanonicalOf } from './entity-aliases.ts';
import { labelEntitiesOf, type LabelEntity } from '../label-entities.ts';
import { clean, valuesChunks } from './values.ts';

type Client = pg.ClientBase;

const COLUMNS = `id, article_id AS "articleId", kind, entity, coalesce(canonical, entity) AS canonical, rule, marker, evidence, start, "end",
  origin, review, note, reject_reason AS "rejectReason", review_note AS "reviewNote", reviewed_at AS "reviewedAt",
  first_seen_at AS "firstSeenAt", removed_at AS "removedAt"`;

const key = (kind: string, entity: string): string => `${kind}\u0000${entity.toLowerCase()}`;

/** One article's detections, to be stored as seen at `seenAt` (the article's last_seen_at). */
export interface DetectedLabels {
  articleId: number;
  labels: Label[];
  seenAt: string;
}

/** See syncDetectedLabels of the SQLite engine: kept ones updated, new ones inserted, vanished ones dated. For a
 * whole feed's articles at once: one read, then each kind of write in one statement (per chunk of rows). */
export async function syncDetectedLabels(c: Client, list: DetectedLabels[]): Promise<void> {
  if (list.length === 0) return;
  const current = (await c.query<LabelRecord>(`SELECT ${COLUMNS} FROM label WHERE article_id = ANY($1) AND origin = 'detector' AND removed_at IS NULL`,
    [list.map((d) => d.articleId)])).rows;
  const byArticle = new Map<number, Map<string, LabelRecord>>();
  for (const r of current) {
    const articleId = r.articleId;
    if (!byArticle.has(articleId)) byArticle.set(articleId, new Map());
    byArticle.get(articleId)?.set(key(r.kind, r.entity), r);
  }
  const canonicalOf = await libraryCanonicalOf(c);
  const inserts: unknown[][] = [];
  const updates: unknown[][] = [];
  const removals: unknown[][] = [];
  for (const { articleId, labels, seenAt } of list) {
    const byKey = byArticle.get(articleId) ?? new Map<string, LabelRecord>();
    const seen = new Set<string>();
    for (const l of labels) {
      const k = key(l.kind, l.entity);
      if (seen.has(k)) continue;
      seen.add(k);
      const canonical = clean(canonicalOf(l.entity, l.canonical));
      const had = byKey.get(k);
      if (had) {
        updates.push([had.id, clean(l.marker), clean(l.evidence), l.start, l.end, clean(l.rule), clean(l.canonical), canonical, canonicalKey(canonical)]);
      } else {
        inserts.push([articleId, l.kind, clean(l.entity), foldWord(clean(l.entity)), clean(l.canonical), canonical, canonicalKey(canonical), clean(l.rule),
          clean(l.marker), clean(l.evidence), l.start, l.end, seenAt]);
      }
    }
    for (const [k, r] of byKey) if (!seen.has(k)) removals.push([r.id, seenAt]);
  }
  for (const chunk of valuesChunks(updates, ['::bigint', '::text', '::text', '::integer', '::integer', '::text', '::text', '::text', '::text'])) {
    await c.query(`UPDATE label l SET marker = v.marker, evidence = v.evidence, start = v.start, "end" = v."end", rule = v.rule,
        detected_canonical = v.detected, canonical = v.canonical, canonical_key = v.canonical_key
      FROM (VALUES ${chunk.sql}) AS v(id, marker, evidence, start, "end", rule, detected, canonical, canonical_key) WHERE l.id = v.id`, chunk.params);
  }
  for (const chunk of valuesChunks(inserts)) {
    await c.query(`INSERT INTO label (article_id, kind, entity, entity_key, detected_canonical, canonical, canonical_key, rule, marker, evidence, start,
        "end", first_seen_at) VALUES ${chunk.sql}`, chunk.params);
  }
  for (const chunk of valuesChunks(removals, ['::bigint', '::timestamptz'])) {
    await c.query(`UPDATE label l SET removed_at = v.at FROM (VALUES ${chunk.sql}) AS v(id, at) WHERE l.id = v.id`, chunk.params);
  }
}

export async function articleText(c: Client, articleId: number): Promise<string | undefined> {
  return (await c.query<{ text: string }>("SELECT coalesce(text, '') AS text FROM article WHERE id = $1", [articleId])).rows[0]?.text;
}

export async function labelsForArticle(c: Client, articleId: number): Promise<LabelRecord[]> {
  return (await c.query<LabelRecord>(`SELECT ${COLUMNS} FROM label WHERE article_id = $1
    ORDER BY removed_at IS NOT NULL, coalesce(start, 1e18), id`, [articleId])).rows;
}

export async function getLabel(c: Client, id: number): Promise<LabelRecord | undefined> {
  return (await c.query<LabelRecord>(`SELECT ${COLUMNS} FROM label WHERE id = $1`, [id])).rows[0];
}

/** The review becomes the label's current one and joins its history, both saying who and when; a rejection keeps
 * its reason (default 'other') and note, as on SQLite. */
export async function setLabelReview(c: Client, id: number, review: LabelReview, analystId: number,
  why: { reason?: RejectReason | undefined; note?: string | undefined } = {}): Promise<boolean> {
  const reason = review === 'rejected' ? (why.reason ?? 'other') : null;
  const note = clean(why.note?.trim() || null);
  const r = await c.query(`UPDATE label SET review = $2, reviewed_by = $3, reviewed_at = CASE WHEN $2 = 'unreviewed' THEN NULL ELSE now() END,
    reject_reason = $4, review_note = $5 WHERE id = $1`, [id, review, analystId, reason, note]);
  if (r.rowCount === 0) return false;
  await c.query('INSERT INTO label_review (label_id, review, analyst_id, reviewed_at, reject_reason, note) VALUES ($1, $2, $3, now(), $4, $5)',
    [id, review, analystId, reason, note]);
  return true;
}

/** The team's verdicts on detections (manual labels are no test of a rule), by rule, language and reason. */
export async function reviewCounts(c: Client): Promise<ReviewCount[]> {
  return (await c.query<ReviewCount>(`SELECT l.rule, a.lang, l.review, l.reject_reason AS reason, count(*)::int AS count
    FROM label l JOIN article a ON a.id = l.article_id
    WHERE l.origin = 'detector' AND l.review IN ('confirmed', 'rejected')
    GROUP BY l.rule, a.lang, l.review, l.reject_reason`)).rows;
}

export async function addManualLabel(c: Client, l: ManualLabel, now: string, analystId: number): Promise<LabelRecord> {
  const entity = clean(l.entity);
  const detected = canonicalEntity(entity).canonical;
  const canonical = (await libraryCanonicalOf(c))(entity, detected);
  const r = await c.query<LabelRecord>(`INSERT INTO label (article_id, kind, entity, entity_key, detected_canonical, canonical, canonical_key, marker,
      evidence, origin, review, note, created_by, reviewed_by, reviewed_at, first_seen_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, 'manual', 'confirmed', $9, $10, $10, $11, $11) RETURNING ${COLUMNS}`,
  [l.articleId, l.kind, entity, foldWord(entity), detected, canonical, canonicalKey(canonical), clean(l.note ?? ''), clean(l.note), analystId, now]);
  return r.rows[0] as LabelRecord;
}

export async function flagCounts(c: Client, f: FlagFilter): Promise<FlagCount[]> {
  const date = "(coalesce(a.published_at, a.first_seen_at) AT TIME ZONE 'UTC')";
  const day = `to_char(${date}, 'YYYY-MM-DD')`;
  const period = f.interval === 'week' ? `to_char(date_trunc('week', ${date}), 'YYYY-MM-DD')` : day;
  // Grouped by canonical entity and stored outlet as on SQLite; labels stored before migration 4 have no canonical
  // key yet and are grouped by their entity as written.
  return (await c.query<FlagCount>(`
    SELECT l.kind, min(l.entity) AS entity, min(coalesce(l.canonical, l.entity)) AS canonical, json_agg(DISTINCT l.entity) AS forms,
      a.feed_id AS "feedId", min(f.title) AS "feedTitle", min(f.url) AS "feedUrl", min(f.site_url) AS "siteUrl",
      a.outlet, min(a.outlet_country) AS "outletCountry", min(a.outlet_category) AS "outletCategory",
      ${period} AS period, l.review, count(*)::int AS count
    FROM label l JOIN article a ON a.id = l.article_id JOIN feed f ON f.id = a.feed_id
    WHERE l.removed_at IS NULL
      AND ($1::text IS NULL OR l.kind = $1)
      AND ($2::text IS NULL OR l.review = $2)
      AND ($3::text IS NULL OR ${day} >= $3)
      AND ($4::text IS NULL OR ${day} < $4)
    GROUP BY l.kind, coalesce(l.canonical_key, l.entity_key), a.feed_id, a.outlet, period, l.review
    ORDER BY period`, [f.kind ?? null, f.review ?? null, f.after ?? null, f.before ?? null])).rows;
}

interface BackfillRow { id: number; articleId: number; kind: string; entity: string; origin: string }

/** Labels stored before migration 4 get their canonical name and rule (store/label-entities.ts), as SQLite's
 * schema 8 step gives them; returns how many. */
export async function backfillLabelEntities(c: Client): Promise<number> {
  const rows = (await c.query<BackfillRow>(`SELECT id, article_id AS "articleId", kind, entity, origin FROM label WHERE canonical IS NULL
    ORDER BY article_id, id`)).rows;
  const canonicalOf = await libraryCanonicalOf(c);
  let articleId = -1;
  let entityOf: (r: BackfillRow) => LabelEntity = labelEntitiesOf('');
  for (const r of rows) {
    if (r.articleId !== articleId) {
      articleId = r.articleId;
      entityOf = labelEntitiesOf((await articleText(c, r.articleId)) ?? '');
    }
    const { detected, rule } = entityOf(r);
    const canonical = canonicalOf(r.entity, detected);
    await c.query('UPDATE label SET detected_canonical = $2, canonical = $3, canonical_key = $4, rule = $5 WHERE id = $1',
      [r.id, detected, canonical, canonicalKey(canonical), rule]);
  }
  return rows.length;
}
