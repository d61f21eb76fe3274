// Labels in the library: what the detector found in each article (kept in step with the article's versions:
// a label that disappears gets removed_at, one that appears is inserted with first_seen_at), the analyst's
// review of each, labels added by hand, and the counts behind the Flags view.
import type { Db } from './db.ts';
import type { Label, LabelReview, RejectReason } from '../../model.ts';
import type { FlagCount, FlagFilter } from '../../labels/flags.ts';
import { prepared } from './prepared.ts';
import type { LabelRecord, ManualLabel, ReviewCount } from '../records.ts';
import { canonicalKey, libraryCanonicalOf } from './entity-aliases.ts';
import { canonicalEntity } from '../../labels/canonical.ts';

// Aliased to the record's names, so rows come back as LabelRecord with no mapping step.
const COLUMNS = `id, article_id AS articleId, kind, entity, coalesce(canonical, entity) AS canonical, rule, marker, evidence, start, "end",
  origin, review, note, reject_reason AS rejectReason, review_note AS reviewNote, reviewed_at AS reviewedAt,
  first_seen_at AS firstSeenAt, removed_at AS removedAt`;

const key = (kind: string, entity: string): string => `${kind}\u0000${entity.toLowerCase()}`;

export interface SyncResult {
  added: number;
  removed: number;
}

/**
 * Brings the detector's labels of one article in line with a fresh detection: kept ones get the new evidence
 * and offsets (the text around them may have moved), new ones are inserted, vanished ones get removed_at.
 * Reviews and manual labels are never touched.
 */
export function syncDetectedLabels(db: Db, articleId: number, detected: Label[], now: string): SyncResult {
  const current = prepared(db, `SELECT ${COLUMNS} FROM label WHERE article_id = ? AND origin = 'detector' AND removed_at IS NULL`).all(articleId) as LabelRecord[];
  const byKey = new Map(current.map((r) => [key(r.kind, r.entity), r]));
  const result: SyncResult = { added: 0, removed: 0 };
  const seen = new Set<string>();
  const canonicalOf = libraryCanonicalOf(db);
  for (const l of distinctDetected(detected)) {
    const k = key(l.kind, l.entity);
    seen.add(k);
    const canonical = canonicalOf(l.entity, l.canonical);
    const had = byKey.get(k);
    if (had) {
      prepared(db, `UPDATE label SET marker = ?, evidence = ?, start = ?, "end" = ?, rule = ?, detected_canonical = ?, canonical = ?, canonical_key = ?
        WHERE id = ?`).run(l.marker, l.evidence, l.start, l.end, l.rule, l.canonical, canonical, canonicalKey(canonical), had.id);
    } else {
      prepared(db, `INSERT INTO label (article_id, kind, entity, detected_canonical, canonical, canonical_key, rule, marker, evidence, start, "end", origin, first_seen_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'detector', ?)`)
        .run(articleId, l.kind, l.entity, l.canonical, canonical, canonicalKey(canonical), l.rule, l.marker, l.evidence, l.start, l.end, now);
      result.added++;
    }
  }
  for (const [k, r] of byKey) {
    if (seen.has(k)) continue;
    prepared(db, 'UPDATE label SET removed_at = ? WHERE id = ?').run(now, r.id);
    result.removed++;
  }
  return result;
}

/** The detected labels as syncDetectedLabels stores them: one per kind and entity (any case), the first kept. */
export function distinctDetected(detected: Label[]): Label[] {
  const seen = new Set<string>();
  return detected.filter((l) => {
    const k = key(l.kind, l.entity);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** When the article was last written or seen by an ingest: the time its labels are dated by. */
export function articleSeenAt(db: Db, articleId: number): string | undefined {
  return (prepared(db, 'SELECT last_seen_at FROM article WHERE id = ?').get(articleId) as { last_seen_at: string } | undefined)?.last_seen_at;
}

/** The article's plain text (what the offsets of its labels refer to); undefined when there is no such article. */
export function articleText(db: Db, articleId: number): string | undefined {
  return (prepared(db, "SELECT coalesce(text, '') AS text FROM article WHERE id = ?").get(articleId) as { text: string } | undefined)?.text;
}

/** Every label of an article, removed ones included (the reader shows what changed), in text order. */
export function labelsForArticle(db: Db, articleId: number): LabelRecord[] {
  return prepared(db, `SELECT ${COLUMNS} FROM label WHERE article_id = ? ORDER BY removed_at IS NOT NULL, coalesce(start, 1e18), id`).all(articleId) as LabelRecord[];
}

export function getLabel(db: Db, id: number): LabelRecord | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM label WHERE id = ?`).get(id) as LabelRecord | undefined;
}

/** The analyst's verdict; a rejection keeps its reason and note (kept, not deleted, so reviews can be counted). */
export function setLabelReview(db: Db, id: number, review: LabelReview, why: ReviewDetail = {}): boolean {
  const rejected = review === 'rejected';
  return prepared(db, 'UPDATE label SET review = ?, reject_reason = ?, review_note = ?, reviewed_at = ? WHERE id = ?')
    .run(review, rejected ? (why.reason ?? 'other') : null, why.note?.trim() || null, review === 'unreviewed' ? null : (why.at ?? new Date().toISOString()), id).changes > 0;
}

export interface ReviewDetail {
  reason?: RejectReason | undefined;
  note?: string | undefined;
  at?: string | undefined;
}

/** A label the analyst adds: confirmed by definition, with the note as its evidence. */
export function addManualLabel(db: Db, l: ManualLabel, now: string): LabelRecord {
  const detected = canonicalEntity(l.entity).canonical;
  const canonical = libraryCanonicalOf(db)(l.entity, detected);
  const id = prepared(db, `INSERT INTO label (article_id, kind, entity, detected_canonical, canonical, canonical_key, marker, evidence, origin, review, note, first_seen_at)
    VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 'manual', 'confirmed', ?, ?)`)
    .run(l.articleId, l.kind, l.entity, detected, canonical, canonicalKey(canonical), l.note ?? '', l.note, now).lastInsertRowid;
  const added = getLabel(db, Number(id));
  if (!added) throw new Error(`label ${id} vanished right after it was added`);
  return added;
}

/** Counts of current (not removed) labels, per kind, entity, feed, period (a day, or the Monday of a week) and review. */
export function flagCounts(db: Db, f: FlagFilter): FlagCount[] {
  const day = "date(coalesce(a.published_at, a.first_seen_at))";
  const period = f.interval === 'week' ? `date(${day}, 'weekday 0', '-6 days')` : day;
  const rows = db.prepare(`
    SELECT l.kind, min(l.entity) AS entity, min(coalesce(l.canonical, l.entity)) AS canonical, json_group_array(DISTINCT l.entity) AS forms,
      a.feed_id AS feedId, f.title AS feedTitle, f.url AS feedUrl, f.site_url AS siteUrl,
      a.outlet, a.outlet_country AS outletCountry, a.outlet_category AS outletCategory, ${period} AS period, l.review, count(*) AS count
    FROM label l JOIN article a ON a.id = l.article_id JOIN feed f ON f.id = a.feed_id
    WHERE l.removed_at IS NULL
      AND (@kind IS NULL OR l.kind = @kind)
      AND (@review IS NULL OR l.review = @review)
      AND (@after IS NULL OR ${day} >= @after)
      AND (@before IS NULL OR ${day} < @before)
    GROUP BY l.kind, coalesce(l.canonical_key, footnote_lower(l.entity)), a.feed_id, a.outlet, period, l.review
    ORDER BY period`).all({
    kind: f.kind ?? null, review: f.review ?? null, after: f.after ?? null, before: f.before ?? null,
  }) as (Omit<FlagCount, 'forms'> & { forms: string })[];
  return rows.map((r) => ({ ...r, forms: JSON.parse(r.forms) as string[] }));
}

/** The analyst's verdicts on detections (manual labels are no test of a rule), by rule, language and reason. */
export function reviewCounts(db: Db): ReviewCount[] {
  return prepared(db, `SELECT l.rule, a.lang, l.review, l.reject_reason AS reason, count(*) AS count
    FROM label l JOIN article a ON a.id = l.article_id
    WHERE l.origin = 'detector' AND l.review IN ('confirmed', 'rejected')
    GROUP BY l.rule, a.lang, l.review, l.reject_reason`).all() as ReviewCount[];
}
