// Versions of an article on the team library, by the rules of store/version-step.ts (as on SQLite): after each
// fetch that wrote the article, its title, text and detector labels are compared with its latest version and only a
// significant change numbers a new one. The article row is locked first, so that two clients writing the same
// article number their versions one after the other.
import type pg from 'pg';
import { changeFingerprint } from '../../articles/significant-change.ts';
import type { VersionContent, VersionLabel } from '../../articles/versions.ts';
import type { ArticleVersionRecord } from '../records.ts';
import { versionStep, type VersionOutcome, type VersionSource } from '../version-step.ts';

type Client = pg.ClientBase;

interface LatestRow {
  id: number;
  n: number;
  title: string | null;
  text: string;
  labels: VersionLabel[];
  fingerprint: string | null;
  source: VersionSource;
}

async function currentContent(c: Client, articleId: number): Promise<VersionContent | undefined> {
  const a = (await c.query<{ title: string | null; text: string }>("SELECT title, coalesce(text, '') AS text FROM article WHERE id = $1 FOR UPDATE",
    [articleId])).rows[0];
  if (!a) return undefined;
  const labels = (await c.query<VersionLabel>(`SELECT kind, entity FROM label WHERE article_id = $1 AND origin = 'detector' AND removed_at IS NULL
    ORDER BY id`, [articleId])).rows;
  return { title: a.title, text: a.text, labels };
}

/** See recordVersion of the SQLite engine; `captureId` is the raw capture of the fetch, if kept. */
export async function recordVersion(c: Client, articleId: number, source: VersionSource, at: string, captureId: number | null): Promise<VersionOutcome> {
  const content = await currentContent(c, articleId);
  if (!content) return 'same';
  const latest = (await c.query<LatestRow>(`SELECT id, n, title, coalesce(text, '') AS text, labels, fingerprint, source FROM article_version
    WHERE article_id = $1 ORDER BY n DESC LIMIT 1`, [articleId])).rows[0];
  const fingerprint = changeFingerprint(content);
  const labels = JSON.stringify(content.labels);
  const step = versionStep(latest, content, fingerprint, source);
  switch (step.write) {
    case 'insert':
      await c.query(`INSERT INTO article_version (article_id, content_hash, title, summary, content, text, seen_from, seen_until, n, labels, fingerprint, source, capture_id)
        SELECT id, content_hash, title, summary, content, text, $2, $2, $3, $4, $5, $6, $7 FROM article WHERE id = $1`,
      [articleId, at, step.n, labels, fingerprint, source, captureId]);
      await c.query('UPDATE article SET version_count = $2 WHERE id = $1', [articleId, step.n]);
      break;
    case 'seen':
      await c.query('UPDATE article_version SET seen_until = greatest(seen_until, $2) WHERE id = $1', [latest?.id, at]);
      break;
    case 'replace':
      await c.query(`UPDATE article_version SET title = $2, text = $3, labels = $4, fingerprint = $5, source = 'page', seen_until = greatest(seen_until, $6),
        capture_id = coalesce($7, capture_id) WHERE id = $1`, [latest?.id, content.title, content.text, labels, fingerprint, at, captureId]);
      break;
    case 'to-page':
      await c.query("UPDATE article_version SET source = 'page', seen_until = greatest(seen_until, $2) WHERE id = $1", [latest?.id, at]);
      break;
  }
  return step.outcome;
}

/** The latest version seen again (an unchanged feed item). */
export async function versionSeen(c: Client, articleId: number, at: string): Promise<void> {
  await c.query(`UPDATE article_version SET seen_until = greatest(seen_until, $2)
    WHERE article_id = $1 AND n = (SELECT max(n) FROM article_version WHERE article_id = $1)`, [articleId, at]);
}

/** Every version of the article, oldest first; undefined when there is no such article. */
export async function versionsOf(c: Client, articleId: number): Promise<ArticleVersionRecord[] | undefined> {
  if (((await c.query('SELECT 1 FROM article WHERE id = $1', [articleId])).rowCount ?? 0) === 0) return undefined;
  return (await c.query<ArticleVersionRecord>(`SELECT n, title, coalesce(text, '') AS text, labels, seen_from AS "firstSeen", seen_until AS "lastSeen", source
    FROM article_version WHERE article_id = $1 ORDER BY n`, [articleId])).rows;
}
