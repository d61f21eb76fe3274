// Versions of an article (schema 6): after each fetch that wrote the article (a feed item or a page), the
// article's title, text and detector labels are compared with its latest version by the rules of
// store/version-step.ts; only a significant change numbers a new version.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { changeFingerprint } from '../../articles/significant-change.ts';
import type { VersionContent, VersionLabel } from '../../articles/versions.ts';
import type { ArticleVersionRecord } from '../records.ts';
import { versionStep, type VersionOutcome, type VersionSource } from '../version-step.ts';

interface LatestRow {
  id: number;
  n: number;
  title: string | null;
  text: string | null;
  labels: string;
  fingerprint: string | null;
  source: VersionSource;
}

function currentContent(db: Db, articleId: number): VersionContent | undefined {
  const a = prepared(db, 'SELECT title, coalesce(text, \'\') AS text FROM article WHERE id = ?').get(articleId) as { title: string | null; text: string } | undefined;
  if (!a) return undefined;
  const labels = prepared(db, `SELECT kind, entity FROM label WHERE article_id = ? AND origin = 'detector' AND removed_at IS NULL ORDER BY id`)
    .all(articleId) as VersionLabel[];
  return { title: a.title, text: a.text, labels };
}

/**
 * Records what the article reads now, after a fetch from `source` at `at`: a first version, a new one (a
 * significant change), or the latest seen again. `captureId` is the raw capture of that fetch, if kept.
 */
export function recordVersion(db: Db, articleId: number, source: VersionSource, at: string, captureId: number | null): VersionOutcome {
  const content = currentContent(db, articleId);
  if (!content) return 'same';
  const row = prepared(db, `SELECT id, n, title, text, labels, fingerprint, source FROM article_version_read
    WHERE article_id = ? ORDER BY n DESC LIMIT 1`).get(articleId) as LatestRow | undefined;
  const latest = row && { ...row, text: row.text ?? '', labels: JSON.parse(row.labels) as VersionLabel[] };
  const fingerprint = changeFingerprint(content);
  const step = versionStep(latest, content, fingerprint, source);
  switch (step.write) {
    case 'insert':
      insertVersion(db, articleId, step.n, { content, fingerprint }, source, at, captureId);
      break;
    case 'seen':
      prepared(db, 'UPDATE article_version SET seen_until = max(seen_until, ?) WHERE id = ?').run(at, row?.id);
      break;
    case 'replace':
      prepared(db, `UPDATE article_version SET title = ?, text = ?, labels = ?, fingerprint = ?, source = 'page', seen_until = max(seen_until, ?),
        capture_id = coalesce(?, capture_id) WHERE id = ?`).run(content.title, content.text, JSON.stringify(content.labels), fingerprint, at, captureId, row?.id);
      break;
    case 'to-page':
      prepared(db, `UPDATE article_version SET source = 'page', seen_until = max(seen_until, ?) WHERE id = ?`).run(at, row?.id);
      break;
  }
  return step.outcome;
}

/** What an article reads now, and its fingerprint (changeFingerprint). */
export interface ReadNow {
  content: VersionContent;
  fingerprint: string;
}

/** Version `n` of the article, a copy of the row as it stands; `now` is what the row reads (its title, text, labels). */
function insertVersion(db: Db, articleId: number, n: number, now: ReadNow, source: VersionSource, at: string, captureId: number | null): void {
  prepared(db, `INSERT INTO article_version (article_id, content_hash, title, summary, content, text, seen_from, seen_until, n, labels, fingerprint, source, capture_id)
    SELECT id, content_hash, title, summary, content, text, ?, ?, ?, ?, ?, ?, ? FROM article WHERE id = ?`)
    .run(at, at, n, JSON.stringify(now.content.labels), now.fingerprint, source, captureId, articleId);
  prepared(db, 'UPDATE article SET version_count = ? WHERE id = ?').run(n, articleId);
}

/**
 * The first version of an article just inserted, whose content the caller computed before its transaction (ingest):
 * the same row recordVersion would write ('first'), without reading the row back (its content_hash lies past the
 * texts, a walk through its overflow pages), and pointing at the row's summary, content and text instead of a
 * second copy of them (schema 10: the row's first change copies them into the version). The row's version_count
 * is already 1, its default.
 */
export function recordFirstVersion(db: Db, articleId: number, contentHash: string, now: ReadNow, source: VersionSource, at: string, captureId: number | null): void {
  prepared(db, `INSERT INTO article_version (article_id, content_hash, title, from_article, seen_from, seen_until, n, labels, fingerprint, source, capture_id)
    VALUES (?, ?, ?, 1, ?, ?, 1, ?, ?, ?, ?)`)
    .run(articleId, contentHash, now.content.title, at, at, JSON.stringify(now.content.labels), now.fingerprint, source, captureId);
}

/** The latest version seen again (an unchanged feed item). */
export function versionSeen(db: Db, articleId: number, at: string): void {
  prepared(db, `UPDATE article_version SET seen_until = max(seen_until, ?)
    WHERE article_id = ? AND n = (SELECT max(n) FROM article_version WHERE article_id = ?)`).run(at, articleId, articleId);
}

interface VersionRow {
  n: number;
  title: string | null;
  text: string | null;
  labels: string;
  firstSeen: string;
  lastSeen: string;
  source: VersionSource;
}

/** Every version of the article, oldest first; undefined when there is no such article. */
export function versionsOf(db: Db, articleId: number): ArticleVersionRecord[] | undefined {
  if (prepared(db, 'SELECT 1 FROM article WHERE id = ?').get(articleId) === undefined) return undefined;
  const rows = prepared(db, `SELECT n, title, text, labels, seen_from AS firstSeen, seen_until AS lastSeen, source FROM article_version_read
    WHERE article_id = ? ORDER BY n`).all(articleId) as VersionRow[];
  return rows.map((r) => ({ n: r.n, title: r.title, text: r.text ?? '', labels: JSON.parse(r.labels) as VersionLabel[], firstSeen: r.firstSeen, lastSeen: r.lastSeen, source: r.source }));
}
