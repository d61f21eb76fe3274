// Ingest with the items prepared on the parse worker (articles/prepare.ts, poll/parse-in-worker.ts) stores exactly
// what ingest computing everything in line stores: the same feed polled both ways from a real server into two real
// libraries gives the same article, index, version, label and tag rows and the same search results, for new,
// edited and unchanged items, with and without labels, in several scripts and languages (each article's language is
// told from its own text, on the worker or in line, the feed's declaration only the hint). The second poll's worker
// prepares only the items the first did not store unchanged, and the engine's thread, fed by the worker, never loads
// the language profiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { insertFeed, updateFeedSettings } from '../electron/store/sqlite/feeds.ts';
import { addRule } from '../electron/store/sqlite/rules.ts';
import { ensureTag } from '../electron/store/sqlite/tags.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { pollFeeds, type PollParseFn } from '../electron/poll/poller.ts';
import { parseForIngestInWorker, stopParseWorker } from '../electron/poll/parse-in-worker.ts';
import { parseFeedBytes } from '../electron/feeds/parse.ts';
import { languageProfilesLoaded } from '../electron/text/language.ts';
import { rss2, serve, startFeedServer, type FixtureItem } from './support/feed-server.ts';
import { tempDir } from './helpers.ts';

const labelled = 'Запрещенная в России организация «Талибан»* заявила о захвате города.\n* Террористическая организация, запрещена в РФ.';
const first: FixtureItem[] = [
  { guid: 'en', title: 'Council & housing', link: 'https://news.example/en?utm_source=rss#top', description: '<p>The council announced new plans for <b>housing</b>.</p><p>Read more: https://news.example/x?fbclid=1</p>' },
  { guid: 'ru', title: 'Талибан заявил о захвате', link: 'https://news.example/ru', description: `<p>${labelled.replace('\n', '</p><p>')}</p>` },
  { guid: 'ar', title: 'العقوبات الجديدة', link: 'https://news.example/ar', description: '<p>أعلن الاتحاد الأوروبي عن عقوبات جديدة ضد البنوك الكبرى وإدارتها.</p>' },
  { guid: 'yo', title: 'Ёлки и ещё', link: 'https://news.example/yo', description: '<p>Новогодние ёлки установлены в центре города, сообщили в мэрии.</p>' },
  { guid: 'uk', title: 'Уряд ухвалив нові правила', link: 'https://news.example/uk', description: '<p>Кабінет міністрів України ухвалив постанову про підтримку енергетичної галузі взимку.</p>' },
  { guid: 'el', title: 'Νέα μέτρα', link: 'https://news.example/el', description: '<p>Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία και την ενέργεια.</p>' },
  { guid: 'zh', title: '央行降准', link: 'https://news.example/zh', description: '<p>中国人民银行宣布下调存款准备金率，以支持经济增长。</p>' },
  { guid: 'ja', title: '日銀が緩和維持', link: 'https://news.example/ja', description: '<p>日本銀行は金融政策決定会合で、大規模な金融緩和を維持することを決めた。</p>' },
  { guid: 'kk', title: 'Жаңа заң', link: 'https://news.example/kk', description: '<p>Қазақстан үкіметі жаңа заң жобасын мақұлдады, деп хабарлады министрлік.</p>' },
  { guid: 'de', title: 'Neue Maßnahmen', link: 'https://news.example/de', description: '<p>Die Bundesregierung hat neue Maßnahmen zur Unterstützung der Wirtschaft beschlossen.</p>' },
  { title: 'No guid, no text', link: 'https://news.example/bare', description: '' },
  { guid: 'dup', title: 'Repeated', description: '<p>One</p>' },
  { guid: 'dup', title: 'Repeated', description: '<p>One</p>' },
];
const second: FixtureItem[] = [
  { ...first[0]!, description: '<p>The council dropped its plans for housing.</p>' },
  first[1]!,
  { ...first[2]!, title: 'العقوبات الجديدة على البنوك' },
  first[3]!,
  { guid: 'es', title: 'Nuevas sanciones', link: 'https://news.example/es', description: '<p>El gobierno anunció nuevas sanciones contra los bancos y sus directivos.</p>' },
  { guid: 'new', title: 'Sanctions on the central bank', link: 'https://news.example/new', description: '<p>New sanctions hit the central bank.</p>' },
];

function rows(db: Db, sql: string): unknown[] {
  return db.prepare(sql).all();
}

function library(dir: string, url: string): { db: Db; store: SqliteStore } {
  const db = openLibrary(dir);
  addRule(db, 'council AND housing', ensureTag(db, 'Housing'));
  addRule(db, 'label:terrorist', ensureTag(db, 'Flagged'));
  const id = insertFeed(db, { url, typedUrl: url, intervalMinutes: 30, createdAt: '2026-12-01T00:00:00.000Z' });
  updateFeedSettings(db, id, { fullText: false }); // pages are not this test's business
  return { db, store: new SqliteStore(db) };
}

test('items prepared on the parse worker are stored exactly as items computed in line', async (t) => {
  t.after(() => stopParseWorker());
  const server = await startFeedServer();
  t.after(() => server.close());
  server.route('/feed.xml', serve(rss2('Mixed', first, '<language>en</language>')));
  const url = server.url('/feed.xml');
  const inLine = library(tempDir(t), url);
  const prepared = library(tempDir(t), url);
  t.after(() => { inLine.db.close(); prepared.db.close(); });
  const inLineParse: PollParseFn = (bytes, opts) => parseFeedBytes(bytes, opts);
  // How many items the worker prepared in full, by poll (the known unchanged ones get their keys only).
  const preparedFully: number[] = [];
  // Whether this thread (the engine's, here) had loaded the language profiles after each poll through the worker.
  const profilesLoadedByWorkerPolls: boolean[] = [];
  const workerParse: PollParseFn = async (bytes, opts, unchanged) => {
    const feed = await parseForIngestInWorker(bytes, opts, unchanged);
    assert.equal(feed.prepared.size, feed.items.length);
    preparedFully.push([...feed.prepared.values()].filter((p) => p.values !== null).length);
    return feed;
  };

  const poll = async (at: string): Promise<void> => {
    const now = (): Date => new Date(at);
    const b = await pollFeeds(prepared.store, { parse: workerParse, now, random: () => 0.5, capture: null });
    profilesLoadedByWorkerPolls.push(languageProfilesLoaded());
    const a = await pollFeeds(inLine.store, { parse: inLineParse, now, random: () => 0.5, capture: null });
    assert.deepEqual([a.failed, b.failed], [[], []]);
    assert.deepEqual(b, a);
  };
  const compare = async (): Promise<void> => {
    for (const sql of [
      'SELECT * FROM article ORDER BY id',
      'SELECT rowid, * FROM article_fts ORDER BY rowid',
      'SELECT * FROM article_version_read ORDER BY article_id, n',
      'SELECT * FROM label ORDER BY id',
      'SELECT article_id, tag_id, rule_id FROM article_tag ORDER BY article_id, tag_id', // applied_at is the wall clock
    ]) assert.deepEqual(rows(prepared.db, sql), rows(inLine.db, sql), sql);
    for (const q of ['housing', 'council AND plans', 'талибан', 'елки', 'عقوبات', 'label:terrorist', 'tag:Housing', '"central bank"', 'sanction', 'lang:ru', 'lang:uk', 'lang:en', 'lang:kk']) {
      const search = (s: SqliteStore) => s.search.query(q, { limit: 50, offset: 0, sort: 'relevance' });
      assert.deepEqual(await search(prepared.store), await search(inLine.store), q);
    }
  };

  await poll('2026-12-01T10:00:00.000Z');
  await compare();
  const flagged = rows(inLine.db, `SELECT a.guid, l.kind FROM label l JOIN article a ON a.id = l.article_id`);
  assert.deepEqual(flagged, [{ guid: 'ru', kind: 'terrorist' }], 'one article carries a label (the fingerprint computed in line)');
  assert.equal(rows(inLine.db, 'SELECT id FROM article').length, 12);
  assert.deepEqual(profilesLoadedByWorkerPolls, [false], 'the engine thread did not load the language profiles for the worker\'s items');
  const languages = Object.fromEntries(rows(prepared.db, 'SELECT guid AS item, lang FROM article').map((r) => [(r as { item: string }).item, (r as { lang: string | null }).lang]));
  assert.deepEqual(languages, {
    en: 'en', ru: 'ru', ar: 'ar', yo: 'ru', uk: 'uk', el: 'el', zh: 'zh', ja: 'ja', kk: 'kk', de: 'de', 'https://news.example/bare': 'en', dup: 'en',
  }, 'each article\'s language is its text\'s, whatever the feed declares (en)');

  server.route('/feed.xml', serve(rss2('Mixed', second, '<language>en</language>')));
  await poll('2026-12-01T11:00:00.000Z');
  await compare();
  assert.deepEqual(preparedFully, [first.length, 4], 'the first poll prepared every item, the second only the two edited and the two new ones');
  assert.equal((rows(prepared.db, `SELECT lang FROM article WHERE guid = 'es'`)[0] as { lang: string }).lang, 'es');
  const versions = rows(inLine.db, `SELECT a.guid, max(v.n) AS n FROM article_version_read v JOIN article a ON a.id = v.article_id GROUP BY a.guid ORDER BY a.guid`);
  assert.deepEqual(versions.filter((v) => (v as { n: number }).n > 1).map((v) => (v as { guid: string }).guid), ['ar', 'en'], 'the two edits made versions');
});
