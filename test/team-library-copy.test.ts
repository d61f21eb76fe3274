// `footnote library copy`: a local library with every kind of row moved into a team library, verified by counts and
// checksums; run again it copies nothing, and after new local articles it copies only those.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FeedItem, FeedObject, RawCapture } from '../electron/model.ts';
import type { ArticleDossier } from '../electron/store/records.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { labelsEnricher } from '../electron/labels/enricher.ts';
import type { TableReport } from '../electron/store/library-copy.ts';
import { postgresForFile } from './support/postgres.ts';
import { footnoteBin } from './support/cli.ts';
import { teamStore } from './support/engines.ts';
import { tempDir } from './helpers.ts';

const server = postgresForFile();

const footnote = footnoteBin;

const TALIBAN = '<p>US bombing raids against Taliban* targets continue.</p><p>*The Taliban is a terrorist group banned in Russia.</p>';
const item = (id: string, title: string, content: string): FeedItem =>
  ({ id, title, link: `https://sputnikglobe.com/${id}.html`, published: '2021-08-09T10:00:00.000Z', updated: null, author: 'Desk', summary: null, content, categories: ['World'] });
const doc = (items: FeedItem[]): FeedObject => ({ title: 'Sputnik', link: 'https://sputnikglobe.com/', description: null, language: 'en', items });
/** A captured response whose bytes are not text (NUL, 0xFF): a copy must keep them exactly. */
function capture(url: string, fetchedAt: string, status = 200): RawCapture {
  const body = new Uint8Array([0, 255, 1, 254, ...new TextEncoder().encode(`<rss>${url}</rss>`)]);
  const head = (text: string): Uint8Array => new TextEncoder().encode(text);
  return { url, finalUrl: url, status, requestHead: head(`GET ${url} HTTP/1.1\r\n\r\n`), responseHead: head(`HTTP/1.1 ${status} X\r\n\r\n`), body, truncated: false,
    fetchedAt, sha256: createHash('sha256').update(body).digest('hex') };
}

test('library copy moves every table with evidence and raw bytes, verifies it, and a re-run copies only what is missing', async (t) => {
  const dir = tempDir(t);
  const local = SqliteStore.open(dir);
  const feed = await local.feeds.add({ url: 'https://sputnikglobe.com/feed', typedUrl: 'https://sputnikglobe.com/feed', title: 'Sputnik', siteUrl: 'https://sputnikglobe.com/', folder: 'Russia', intervalMinutes: 30, createdAt: '2021-08-01T00:00:00.000Z' });
  assert.ok(feed.added);
  const first = await local.feeds.recordPoll(feed.id, { feed: doc([item('a', 'Sanctions on steel', '<p>Steel sanctions.</p>'), item('t', 'Taliban', TALIBAN)]),
    ingest: { enrichers: [labelsEnricher], now: '2021-08-09T12:00:00.000Z' }, state: { status: 'ok' }, capture: capture('https://sputnikglobe.com/feed', '2021-08-09T12:00:00.000Z'),
    log: { feedId: feed.id, startedAt: '2021-08-09T12:00:00.000Z', url: 'https://sputnikglobe.com/feed', status: 200, outcome: 'ok', bytes: 10, durationMs: 1, error: null } });
  await local.articles.ingest(feed.id, doc([item('a', 'Sanctions on steel', '<p>Steel sanctions, corrected.</p>')]), { enrichers: [] });
  const [a, b] = first.newIds as [number, number];
  await local.tags.apply('Steel', { ids: [a] });
  await local.rules.add('taliban', 'Afghanistan', null);
  await local.rules.apply(null, () => undefined);
  const [label] = (await local.labels.forArticle(b))?.labels ?? [];
  await local.labels.review(label?.id as number, 'rejected', { reason: 'quoted', note: 'a quote' });
  await local.labels.review(label?.id as number, 'confirmed');
  await local.labels.addAlias({ alias: 'The Taliban', canonical: 'Emiratists', lang: 'en' }, '2021-08-11T00:00:00.000Z');
  await local.pages.record({ articleId: a, url: 'https://sputnikglobe.com/a.html', finalUrl: null, fetchedAt: '2021-08-10T00:00:00.000Z', status: 200, contentType: 'text/html',
    bytes: new Uint8Array([0, 1, 2, 255, 60, 104, 62]), error: null, capture: capture('https://sputnikglobe.com/a.html', '2021-08-10T00:00:00.000Z') }, null, [],
  { articleId: a, status: 'failed', reason: 'extract', message: 'No article text was found: open it in the browser.', attempts: 2, triedAt: '2021-08-10T00:00:00.000Z', nextRetryAt: '2021-08-10T06:00:00.000Z' });
  await local.evidence.recordRecheck(b, { at: '2021-08-12T00:00:00.000Z', state: 'deleted', reason: 'HTTP 410: gone', status: 410, finalUrl: null, etag: null, lastModified: null,
    capture: capture('https://sputnikglobe.com/t.html', '2021-08-12T00:00:00.000Z', 410) });
  const dossiers = new Map<number, ArticleDossier | undefined>([[a, await local.evidence.dossier(a)], [b, await local.evidence.dossier(b)]]);
  const state = await local.pages.state(a);
  await local.search.save('Steel', 'steel');
  await local.outlets.saveOverride({ name: 'Example Wire', domains: ['example.org'], country: 'RU', category: 'state', source: 'test', date: null, removed: false }, '2021-08-01T00:00:00.000Z');
  await local.articles.mark([a], { read: true, starred: true });
  await local.close();

  const db = await server().database(t);
  const to = ['library', 'copy', '--to', `postgres://postgres@127.0.0.1:${server().port}/${db.name}`, '--data-dir', dir, '--json'];
  const env = { PGPASSWORD: server().password, FOOTNOTE_ANALYST: 'Alice' };
  const run = async (): Promise<Map<string, TableReport>> => {
    const r = await footnote(to, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const out = JSON.parse(r.stdout) as { ok: boolean; tables: TableReport[] };
    assert.equal(out.ok, true);
    return new Map(out.tables.map((x) => [x.table, x]));
  };
  const once = await run();
  // article_version holds every version, the current ones included: two articles, one of them edited once.
  for (const [table, rows] of [['folder', 1], ['feed', 1], ['article', 2], ['article_version', 3], ['page', 1], ['tag', 2], ['rule', 1], ['article_tag', 2],
    ['label', 1], ['saved_search', 1], ['outlet_override', 1], ['capture', 3], ['fulltext_status', 1], ['entity_alias', 1]] as const) {
    const r = once.get(table);
    assert.deepEqual([r?.rows, r?.copied, r?.verified, r?.ok], [rows, rows, rows, true], table);
  }
  const again = await run();
  assert.deepEqual([...again.values()].map((r) => r.copied), [...again.values()].map(() => 0), 'a re-run copies nothing');
  assert.deepEqual([...again.values()].map((r) => r.checksum), [...once.values()].map((r) => r.checksum));

  // The team library works as the local one did: search, labels, tags, the copier's marks, bytes of the page.
  const team = teamStore(t, db.url, 'Alice');
  assert.deepEqual((await team.search.query('steel', { limit: 5, offset: 0, sort: 'date' })).hits.map((h) => h.id), [a]);
  assert.deepEqual(await team.tags.ofArticle(b), ['Afghanistan']);
  assert.equal((await team.labels.forArticle(b))?.labels[0]?.review, 'confirmed');
  const mine = await team.articles.get(a);
  assert.deepEqual([mine?.isRead, mine?.isStarred], [true, true]);
  assert.equal((await team.pages.list(a))[0]?.size, 7);
  // The evidence reads the same on both: versions, labels with their canonical names, tags, the deletion, and every
  // capture's bytes exactly as received.
  for (const id of [a, b]) assert.deepEqual(await team.evidence.dossier(id), dossiers.get(id), `the evidence of article ${id}`);
  assert.equal(dossiers.get(b)?.captures.length, 2);
  assert.deepEqual(await team.pages.state(a), state);
  assert.deepEqual((await team.labels.aliases()).map((x) => [x.alias, x.canonical]), [['The Taliban', 'Emiratists']]);
  assert.deepEqual([(await team.articles.get(b))?.deletedAt, (await team.articles.get(a))?.versions], ['2021-08-12T00:00:00.000Z', 2]);
  assert.equal((await team.search.query('is:deleted', { limit: 5, offset: 0, sort: 'date' })).total, 1);
  assert.equal((await team.search.query('label:emiratists', { limit: 5, offset: 0, sort: 'date' })).total, 1);
  const local2 = SqliteStore.open(dir);
  await local2.articles.ingest(feed.id, doc([item('c', 'Later locally', '<p>c</p>')]), { enrichers: [] });
  await local2.close();
  const third = await run();
  assert.equal(third.get('article')?.copied, 1, 'only the missing article is copied');
  // New articles of the team library get fresh ids, after the copied ones.
  const more = await team.articles.ingest(feed.id, doc([item('n', 'New on the team', '<p>n</p>')]), { enrichers: [] });
  assert.ok((more.newIds[0] ?? 0) > b + 1);
});
