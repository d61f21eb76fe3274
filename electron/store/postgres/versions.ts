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

interface LatestOf extends LatestRow { articleId: number }

/** The articles' content as a version would keep it, their rows locked (in id order, as every writer takes them). */
async function currentContents(c: Client, articleIds: number[]): Promise<Map<number, VersionContent>> {
  const articles = (await c.query<{ id: number; title: string | null; text: string }>(`SELECT id, title, coalesce(text, '') AS text FROM article
    WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [articleIds])).rows;
  const contents = new Map(articles.map((a) => [a.id, { title: a.title, text: a.text, labels: [] as VersionLabel[] }]));
  const labels = (await c.query<VersionLabel & { articleId: number }>(`SELECT article_id AS "articleId", kind, entity FROM label
    WHERE article_id = ANY($1) AND origin = 'detector' AND removed_at IS NULL ORDER BY id`, [articleIds])).rows;
  for (const { articleId, kind, entity } of labels) contents.get(articleId)?.labels.push({ kind, entity });
  return contents;
}

/** See recordVersion of the SQLite engine, for several articles at once (a feed's written articles: one read of
 * each kind, then one statement per kind of write); `captureId` is the raw capture of the fetch, if kept. */
export async function recordVersions(c: Client, articleIds: number[], source: VersionSource, at: string, captureId: number | null): Promise<VersionOutcome[]> {
  if (articleIds.length === 0) return [];
  const contents = await currentContents(c, articleIds);
  const latest = new Map((await c.query<LatestOf>(`SELECT DISTINCT ON (article_id) article_id AS "articleId", id, n, title, coalesce(text, '') AS text,
      labels, fingerprint, source FROM article_version WHERE article_id = ANY($1) ORDER BY article_id, n DESC`, [articleIds])).rows
    .map((r) => [r.articleId, r]));
  const inserts: { id: number; n: number; labels: string; fingerprint: string }[] = [];
  const seen: number[] = [];
  const outcomes: VersionOutcome[] = [];
  for (const articleId of articleIds) {
    const content = contents.get(articleId);
    if (!content) {
      outcomes.push('same');
      continue;
    }
    const last = latest.get(articleId);
    const fingerprint = changeFingerprint(content);
    const labels = JSON.stringify(content.labels);
    const step = versionStep(last, content, fingerprint, source);
    outcomes.push(step.outcome);
    switch (step.write) {
      case 'insert':
        inserts.push({ id: articleId, n: step.n, labels, fingerprint });
        break;
      case 'seen':
        if (last) seen.push(last.id);
        break;
      case 'replace':
        await c.query(`UPDATE article_version SET title = $2, text = $3, labels = $4, fingerprint = $5, source = 'page', seen_until = greatest(seen_until, $6),
          capture_id = coalesce($7, capture_id) WHERE id = $1`, [last?.id, content.title, content.text, labels, fingerprint, at, captureId]);
        break;
      case 'to-page':
        await c.query("UPDATE article_version SET source = 'page', seen_until = greatest(seen_until, $2) WHERE id = $1", [last?.id, at]);
        break;
    }
  }
  if (inserts.length > 0) {
    const columns = [inserts.map((v) => v.id), inserts.map((v) => v.n), inserts.map((v) => v.labels), inserts.map((v) => v.fingerprint)];
    await c.query(`INSERT INTO article_version (article_id, content_hash, title, summary, content, text, seen_from, seen_until, n, labels, fingerprint, source, capture_id)
      SELECT a.id, a.content_hash, a.title, a.summary, a.content, a.text, $5, $5, v.n, v.labels, v.fingerprint, $6, $7
      FROM unnest($1::bigint[], $2::integer[], $3::jsonb[], $4::text[]) AS v(id, n, labels, fingerprint) JOIN article a ON a.id = v.id`,
    [...columns, at, source, captureId]);
    // A new article's first version leaves version_count at its default 1: no second write of every new row.
    await c.query(`UPDATE article a SET version_count = v.n FROM unnest($1::bigint[], $2::integer[]) AS v(id, n)
      WHERE a.id = v.id AND a.version_count <> v.n`, columns.slice(0, 2));
  }
  if (seen.length > 0) await c.query('UPDATE article_version SET seen_until = greatest(seen_until, $2) WHERE id = ANY($1)', [seen, at]);
  return outcomes;
}

/** See recordVersion of the SQLite engine; `captureId` is the raw capture of the fetch, if kept. */
export async function recordVersion(c: Client, articleId: number, source: VersionSource, at: string, captureId: number | null): Promise<VersionOutcome> {
  return (await recordVersions(c, [articleId], source, at, captureId))[0] ?? 'same';
}

/** The latest versions of these articles seen again (unchanged feed items). */
export async function versionsSeen(c: Client, articleIds: number[], at: string): Promise<void> {
  if (articleIds.length === 0) return;
  await c.query(`UPDATE article_version v SET seen_until = greatest(v.seen_until, $2)
    FROM (SELECT article_id, max(n) AS n FROM article_version WHERE article_id = ANY($1) GROUP BY article_id) AS latest
    WHERE v.article_id = latest.article_id AND v.n = latest.n`, [articleIds, at]);
}

/** Every version of the article, oldest first; undefined when there is no such article. */
export async function versionsOf(c: Client, articleId: number): Promise<ArticleVersionRecord[] | undefined> {
  if (((await c.query('SELECT 1 FROM article WHERE id = $1', [articleId])).rowCount ?? 0) === 0) return undefined;
  return (await c.query<ArticleVersionRecord>(`SELECT n, title, coalesce(text, '') AS text, labels, seen_from AS "firstSeen", seen_until AS "lastSeen", source
    FROM article_version WHERE article_id = $1 ORDER BY n`, [articleId])).rows;
}
