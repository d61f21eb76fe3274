// Subscribes to every case of the hostile feed server and polls them all in one poll through the real engine,
// on a real library: each case ends in a clear per-feed error or a correct, inert result; the ordinary feed of
// the same poll is unharmed; articles stored before are byte-for-byte the same; no private address is reached
// and no local file is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invoke } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import { pollFeeds } from '../electron/poll/poller.ts';
import { refreshFullText } from '../electron/poll/fulltext.ts';
import { tempDir } from './helpers.ts';
import { startHostileServer, PRIVATE_LINKS, type HostileCase } from './support/hostile-server.ts';
import { inertnessProblems } from './support/inert.ts';
import type { Db } from '../electron/store/sqlite/db.ts';

/** Small limits so that the slow cases fail in seconds (the defaults are 30 s, 10 s idle and 20 MB). */
const LIMITS = { timeoutMs: 6000, idleTimeoutMs: 3000, maxBytes: 12 * 1024 * 1024, maxRedirects: 5 };

interface FeedRow { id: number; url: string; status: string; last_error: string | null }
interface ArticleRow { id: number; link: string | null; content: string | null; summary: string | null; title: string | null }

function opml(urls: string[]): string {
  return `<?xml version="1.0"?><opml version="2.0"><body>${urls.map((u) => `<outline type="rss" text="x" xmlUrl="${u.replace(/&/g, '&amp;')}"/>`).join('')}</body></opml>`;
}

function allRows(db: Db, table: string): unknown[] {
  return db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
}

/** Every value of every table, as one string: what must never contain a local file's contents. */
function wholeLibraryText(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").all() as { name: string }[];
  return tables.map((t) => JSON.stringify(allRows(db, t.name))).join('\n');
}

test('hostile feeds: each case fails alone with a clear message or is stored inert; nothing else is harmed', { timeout: 300_000 }, async (t) => {
  const canaryDir = tempDir(t, 'footnote-canary-');
  const canary = `CANARY-${randomBytes(12).toString('hex')}`;
  const canaryFile = join(canaryDir, 'secret.txt');
  writeFileSync(canaryFile, canary);
  const server = await startHostileServer({ canaryFile, lifetimeMs: 280_000, bigFeedItems: 50_000 });
  t.after(() => server.close());
  assert.ok(server.cases.length >= 30, `at least 30 cases (${server.cases.length})`);
  // The deep-nesting cases have their own file (hostile-nesting.test.ts): each is bounded alone there.
  const cases = server.cases.filter((c) => !c.path.startsWith('/nesting-'));

  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  // Stored before the hostile poll: must come out of it unchanged.
  await invoke(ctx, 'feeds.add', { url: server.url('/good') });
  await invoke(ctx, 'feeds.poll', {});
  const articlesBefore = allRows(ctx.store.db, 'article');
  assert.equal(articlesBefore.length, 2);

  await invoke(ctx, 'opml.import', { xml: opml([...cases.map((c) => server.url(c.path)), server.url('/good-2')]) });
  const feeds = ctx.store.db.prepare('SELECT id, url, status, last_error FROM feed').all() as FeedRow[];
  const goodId = feeds.find((f) => f.url === server.url('/good'))?.id;
  const summary = await pollFeeds(ctx.store, { ids: feeds.filter((f) => f.id !== goodId).map((f) => f.id), fetch: LIMITS });
  assert.equal(summary.feeds, cases.length + 1, 'every feed was polled');

  const feedByUrl = new Map((ctx.store.db.prepare('SELECT id, url, status, last_error FROM feed').all() as FeedRow[]).map((f) => [f.url, f]));
  const articlesOf = ctx.store.db.prepare('SELECT id, link, content, summary, title FROM article WHERE feed_id = ?');
  const checkInert = (c: HostileCase, rows: ArticleRow[]): void => {
    for (const a of rows) {
      for (const html of [a.content, a.summary]) {
        if (html) assert.deepEqual(inertnessProblems(html, a.link), [], `${c.name}: article ${a.id} is inert after sanitising`);
      }
      assert.ok(a.link === null || /^https?:\/\//i.test(a.link), `${c.name}: article ${a.id} link is http(s) or none (got ${a.link})`);
    }
  };

  for (const c of cases) {
    await t.test(c.name, () => {
      const feed = feedByUrl.get(server.url(c.path));
      assert.ok(feed, 'the feed is still subscribed');
      const rows = articlesOf.all(feed.id) as ArticleRow[];
      if (c.expect.kind === 'error') {
        assert.equal(feed.status, 'error', `fails (stored ${rows.length} articles)`);
        assert.match(feed.last_error ?? '', c.expect.message);
        assert.equal(rows.length, 0);
      } else if (c.expect.kind === 'inert') {
        assert.equal(feed.status, 'ok', `polled without error (${feed.last_error})`);
        assert.equal(rows.length, c.expect.items);
        checkInert(c, rows);
      } else {
        assert.ok(feed.status === 'ok' || feed.status === 'error', `a definite outcome (${feed.status})`);
        if (feed.status === 'error') {
          assert.ok((feed.last_error ?? '').length > 10, `a clear message: ${feed.last_error}`);
          assert.doesNotMatch(feed.last_error ?? '', /\n\s+at /, 'no stack trace in the message');
        } else checkInert(c, rows);
      }
      t.diagnostic(`${c.name}: ${feed.status}${feed.last_error ? ` (${feed.last_error})` : `, ${rows.length} stored`}`);
    });
  }

  await t.test('the ordinary feed of the same poll is stored as usual', () => {
    const good2 = feedByUrl.get(server.url('/good-2'));
    assert.equal(good2?.status, 'ok');
    assert.equal((articlesOf.all(good2.id) as ArticleRow[]).length, 2);
  });

  await t.test('articles stored before the poll are unchanged, byte for byte', () => {
    const now = allRows(ctx.store.db, 'article') as { id: number }[];
    const ids = new Set((articlesBefore as { id: number }[]).map((a) => a.id));
    assert.deepEqual(now.filter((a) => ids.has(a.id)), articlesBefore);
  });

  await t.test('duplicate guids are one article, not six', () => {
    const feed = feedByUrl.get(server.url('/duplicate-guids'));
    assert.ok(feed);
    assert.ok((articlesOf.all(feed.id) as ArticleRow[]).length <= 1);
  });

  await t.test('no local file is read into the library (XXE): neither the canary nor /etc/passwd', () => {
    const text = wholeLibraryText(ctx.store.db);
    assert.equal(text.includes(canary), false, 'the canary file content is not in the library');
    assert.doesNotMatch(text, /root:[x*]?:0:0:/, '/etc/passwd is not in the library');
  });

  await t.test('full-text fetches of article links to private addresses are refused before connecting', async () => {
    const feed = feedByUrl.get(server.url('/private-links'));
    assert.ok(feed);
    const rows = articlesOf.all(feed.id) as ArticleRow[];
    assert.equal(rows.length, PRIVATE_LINKS.length);
    for (const a of rows) {
      const outcome = await refreshFullText(ctx.store, a.id, { fetch: { ...LIMITS, timeoutMs: 2000, idleTimeoutMs: 1000 } });
      assert.match(outcome.error ?? 'fetched!', /network address/, `${a.link} is refused`);
    }
  });

  await t.test('the bystander listener on another local port never saw a connection', () => {
    assert.equal(server.bystanderConnections(), 0);
  });
});
