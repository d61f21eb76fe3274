// Several clients on one team library: two polling the same 50 feeds at once while an analyst tags, a change in one
// client reaching the other through LISTEN/NOTIFY, and a connection killed in the middle of storing a poll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { pollFeeds, type PollOptions } from '../electron/poll/poller.ts';
import { autoTagEnricher } from '../electron/tags/auto-tag.ts';
import type { LibraryChange } from '../electron/store/records.ts';
import { postgresForFile } from './support/postgres.ts';
import { startFeedServer, serve, rss2, type FeedServer } from './support/feed-server.ts';
import { teamStore } from './support/engines.ts';

const server = postgresForFile();
const limits: PollOptions['fetch'] = { timeoutMs: 10_000, idleTimeoutMs: 10_000, maxBytes: 1_000_000 };
const FEEDS = 50;
const ITEMS = 8;

/** 50 feeds of 8 items each, every third item about sanctions. */
async function feedServer(t: { after: (fn: () => Promise<void>) => void }, items = ITEMS): Promise<FeedServer> {
  const s = await startFeedServer({});
  t.after(() => s.close());
  for (let f = 0; f < FEEDS; f++) {
    const list = Array.from({ length: items }, (_, i) => ({
      guid: `f${f}-i${i}`, title: i % 3 === 0 ? `Sanctions story ${f}/${i}` : `Story ${f}/${i}`,
      description: `Item ${i} of feed ${f}, a text long enough to be the article.`, pubDate: new Date(Date.UTC(2021, 7, 1 + i)).toUTCString(),
    }));
    s.route(`/feed/${f}.xml`, serve(rss2(`Feed ${f}`, list), 'application/rss+xml'));
  }
  return s;
}

const subscriptions = (s: FeedServer): Parameters<ReturnType<typeof teamStore>['feeds']['addMany']>[0] =>
  Array.from({ length: FEEDS }, (_, f) => ({ url: s.url(`/feed/${f}.xml`), typedUrl: s.url(`/feed/${f}.xml`), title: null, siteUrl: null, folder: null, intervalMinutes: 30, createdAt: new Date().toISOString() }));

async function scalar(admin: pg.Client, sql: string): Promise<number> {
  return Number((await admin.query(sql)).rows[0].n);
}

test('two clients polling the same 50 feeds at once store every article once and lose no tag', async (t) => {
  const db = await server().database(t);
  const admin = await db.connect();
  const feeds = await feedServer(t);
  const alice = teamStore(t, db.url, 'Alice');
  const bob = teamStore(t, db.url, 'Bob');
  // Both subscribe to the same list at once: each feed is there once.
  const [a, b] = await Promise.all([alice.feeds.addMany(subscriptions(feeds)), bob.feeds.addMany(subscriptions(feeds))]);
  assert.equal(a + b, FEEDS);
  await alice.rules.add('sanctions', 'Sanctions', null);
  const poll = (store: typeof alice): ReturnType<typeof pollFeeds> => pollFeeds(store, { fetch: limits, enrichers: [autoTagEnricher], concurrency: 4 });
  // While both poll, Alice keeps tagging whatever has arrived by hand.
  let polling = true;
  const tagged = new Set<number>();
  const tagger = (async () => {
    while (polling) {
      const page = await alice.articles.list({ view: 'all' }, 0, 20);
      const ids = page.items.map((i) => i.id).filter((id) => !tagged.has(id));
      if (ids.length > 0) {
        await alice.tags.apply('Seen by Alice', { ids });
        ids.forEach((id) => tagged.add(id));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const [ra, rb] = await Promise.all([poll(alice), poll(bob)]);
  polling = false;
  await tagger;
  assert.deepEqual([...ra.failed, ...rb.failed], []);
  // Each feed was fetched by one client or both (the poll lock lets the second only after the first finished).
  assert.ok(ra.feeds + rb.feeds >= FEEDS, `${ra.feeds} + ${rb.feeds} feeds fetched`);
  assert.equal(ra.new + rb.new, FEEDS * ITEMS, 'every item stored as new exactly once');
  assert.equal(await scalar(admin, 'SELECT count(*) AS n FROM footnote.article'), FEEDS * ITEMS);
  assert.equal(await scalar(admin, 'SELECT count(*) AS n FROM (SELECT feed_id, guid FROM footnote.article GROUP BY 1, 2 HAVING count(*) > 1) d'), 0);
  const sanctions = await scalar(admin, "SELECT count(*) AS n FROM footnote.article WHERE title LIKE 'Sanctions%'");
  assert.equal(sanctions, FEEDS * Math.ceil(ITEMS / 3));
  assert.equal(await scalar(admin, "SELECT count(*) AS n FROM footnote.article_tag at JOIN footnote.tag t ON t.id = at.tag_id WHERE t.name = 'Sanctions'"), sanctions);
  assert.ok(tagged.size > 0);
  assert.equal(await scalar(admin, "SELECT count(*) AS n FROM footnote.article_tag at JOIN footnote.tag t ON t.id = at.tag_id WHERE t.name = 'Seen by Alice'"), tagged.size);
  // Who fetched what is on record: the fetch log names both analysts' clients, and nothing was fetched twice at once.
  assert.equal(await scalar(admin, "SELECT count(DISTINCT polled_by) AS n FROM footnote.fetch_log"), 2);
});

test('a tag, a review and a star made in one client reach the other within seconds', async (t) => {
  const db = await server().database(t);
  const feeds = await feedServer(t, 2);
  const alice = teamStore(t, db.url, 'Alice');
  const bob = teamStore(t, db.url, 'Bob');
  await alice.feeds.add(subscriptions(feeds)[0] as Parameters<typeof alice.feeds.add>[0]);
  await pollFeeds(alice, { fetch: limits, enrichers: [] });
  const seen: LibraryChange[] = [];
  const stop = bob.watch((c) => seen.push(c));
  t.after(stop);
  await bob.listening();
  const waitFor = async (what: LibraryChange['what']): Promise<number> => {
    const t0 = performance.now();
    while (!seen.some((c) => c.what === what && c.by === 'Alice')) {
      assert.ok(performance.now() - t0 < 5000, `no "${what}" change from Alice within 5 s: ${JSON.stringify(seen)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return performance.now() - t0;
  };
  const [first] = (await alice.articles.list({ view: 'all' }, 0, 1)).items;
  await alice.tags.apply('Team', { ids: [first?.id as number] });
  await waitFor('tags');
  assert.deepEqual(await bob.tags.ofArticle(first?.id as number), ['Team'], 'the tag is shared');
  const label = await alice.labels.addManual({ articleId: first?.id as number, kind: 'extremist', entity: 'Meta', note: null }, new Date().toISOString());
  await waitFor('labels');
  await alice.labels.review(label?.id as number, 'rejected');
  assert.equal((await bob.labels.forArticle(first?.id as number))?.labels[0]?.review, 'rejected', 'the review is shared');
  await alice.articles.mark([first?.id as number], { starred: true, read: true });
  await waitFor('marks');
  const forBob = await bob.articles.get(first?.id as number);
  assert.deepEqual([forBob?.isStarred, forBob?.isRead], [false, false], 'stars and read state are each analyst\'s own');
  assert.ok(!seen.some((c) => c.by === 'Bob'), 'a client is not told about its own changes');
});

test('a connection killed while a poll is being stored fails that poll clearly, leaves nothing of it, and the next poll succeeds', async (t) => {
  const db = await server().database(t);
  const admin = await db.connect();
  const blocker = await db.connect();
  const feeds = await feedServer(t);
  const store = teamStore(t, db.url, 'Alice');
  const [sub] = subscriptions(feeds);
  await store.feeds.add(sub as Parameters<typeof store.feeds.add>[0]);
  // Another session holds the feed's row: the poll writes its articles, then waits to update the feed, and is
  // killed right there, in the middle of its transaction.
  await blocker.query('BEGIN');
  await blocker.query('SELECT 1 FROM footnote.feed FOR UPDATE');
  const killer = (async () => {
    for (let i = 0; i < 1000; i++) {
      const r = await admin.query("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'footnote' AND wait_event_type = 'Lock'", [db.name]);
      if (r.rows[0]) {
        await admin.query('SELECT pg_terminate_backend($1)', [r.rows[0].pid]);
        // The poll's failure is recorded on the feed next: let it through.
        await blocker.query('ROLLBACK');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the poll never waited for the feed row');
  })();
  const failed = await pollFeeds(store, { fetch: limits, enrichers: [] });
  await killer;
  assert.equal(failed.new, 0);
  assert.equal(failed.failed.length, 1);
  assert.match(failed.failed[0]?.error ?? '', /Lost the connection to the team library .* while storing the poll of http:\/\/127\.0\.0\.1:\d+\/feed\/0\.xml, in the middle: nothing of it was saved/);
  assert.equal(await scalar(admin, 'SELECT count(*) AS n FROM footnote.article'), 0, 'nothing half-written');
  // The failure put the feed on a retry delay; the next poll comes after it.
  const later = new Date(Date.now() + 86_400_000);
  const next = await pollFeeds(store, { fetch: limits, enrichers: [], now: () => later });
  assert.deepEqual([next.failed, next.new], [[], ITEMS]);
});
