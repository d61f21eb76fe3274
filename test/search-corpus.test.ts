// Search over a real library holding the multilingual fixture corpus (English, Russian, Spanish, Arabic).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { openLibrary, libraryPath, schemaVersion, type Db } from '../electron/store/sqlite/db.ts';
import { migrations } from '../electron/store/sqlite/migrate.ts';
import { search } from '../electron/store/sqlite/search/search.ts';
import { QuerySyntaxError } from '../electron/query/errors.ts';
import { MARK_END, MARK_START } from '../electron/query/snippet.ts';
import { volume } from '../electron/store/sqlite/search/volume.ts';
import { renderVolumeSvg, volumeCsv } from '../electron/api/volume-chart.ts';
import { listSavedSearches, saveSearch } from '../electron/store/sqlite/saved-searches.ts';
import { applyTag, ensureTag } from '../electron/store/sqlite/tags.ts';
import { loadCorpus, corpus } from './fixtures/corpus/load.ts';
import { tempDir } from './helpers.ts';

function library(t: TestContext): Db {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  loadCorpus(db);
  applyTag(db, ensureTag(db, 'Afghanistan'), [2, 6, 9, 10], null);
  applyTag(db, ensureTag(db, 'Санкции'), [1, 5], null);
  const label = db.prepare(`INSERT INTO label (article_id, kind, entity, evidence, first_seen_at, review) VALUES (?, ?, ?, 'note', '2021-01-01', ?)`);
  label.run(3, 'terrorist', 'Taliban', 'unreviewed');
  label.run(6, 'terrorist', 'Талибан', 'confirmed');
  label.run(13, 'foreign_agent', 'Example Media', 'rejected');
  db.prepare('UPDATE article SET is_read = 1 WHERE id NOT IN (2, 5, 12)').run();
  db.prepare('UPDATE article SET is_starred = 1 WHERE id IN (1, 12)').run();
  return db;
}

function ids(db: Db, q: string): number[] {
  return search(db, q, { limit: 100 }).hits.map((h) => h.id).sort((a, b) => a - b);
}

const ALL = corpus.articles.map((a) => a.id);

/** Each query with the exact set of articles it must return. */
const expectations: [string, number[]][] = [
  // stemming (English, Russian), exact quoted terms, prefixes
  ['sanctions', [1, 3, 4, 15]],
  ['sanctioned', [1, 3, 4, 15]],
  ['"sanctions"', [1, 15]],
  ['sanction*', [1, 3, 4, 15]],
  ['санкции', [5, 7]],
  ['"санкции"', [5]],
  ['САНКЦИИ', [5, 7]],
  ['санкц*', [5, 7]],
  ['SANCTIONS', [1, 3, 4, 15]],
  // diacritics and script folding
  ['decision', [8]],
  ['DECISIÓN', [8]],
  ['еще', [7]],
  ['ещё', [7]],
  ['كَابُل', [10]],
  ['طالبان', [10]],
  ['عقوبات', [11]],
  ['nunez', []],
  ['author:nunez', [8]],
  // whole words, not substrings
  ['pagan', [14]],
  ['propaganda', [13]],
  // punctuation inside terms
  ['al-Qaeda', [2]],
  ['"al qaeda"', [2]],
  ['U.S.', [1]],
  ['#Ukraine', [12]],
  // Boolean
  ['taliban AND kabul', [2, 9]],
  ['taliban kabul', [2, 9]],
  ['kremlin OR moscow', [3, 4, 12]],
  ['kremlin or moscow', [3, 4, 12]],
  ['sanctions NOT kremlin', [1, 15]],
  ['sanctions AND NOT kremlin', [1, 15]],
  ['sanctions -kremlin', [1, 15]],
  ['NOT kremlin', ALL.filter((i) => i !== 3 && i !== 4)],
  ['-sanctions -taliban', ALL.filter((i) => ![1, 2, 3, 4, 9, 15].includes(i))],
  ['taliban OR kremlin AND sanction', [2, 3, 4, 9]],
  ['(taliban OR kremlin) AND sanction', [3, 4]],
  ['sanctions AND (russia OR china) AND NOT "european union"', [3, 15]],
  // proximity, including OR groups (expanded) and mixed phrase/stem operands
  ['sanctions NEAR/3 trade', [15]],
  ['sanctions w/1 trade', [15]],
  ['sanctions NEAR/2 banks', [1]],
  ['approved NEAR/0 sanctions', []],
  ['(taliban OR talibanes) NEAR/3 kabul', [2, 9]],
  ['"european union" w/5 sanctions', [1]],
  ['taliban near2 kabul', [2, 9]],
  // fields
  ['title:kabul', [2, 9]],
  ['title:"taliban take"', [2]],
  ['title:(sanctions OR санкции)', [1, 4, 5, 7]],
  ['author:smith', [1, 12]],
  ['author:"Иван Петров"', [5]],
  ['feed:tass', [3, 4, 15]],
  ['feed:"РИА"', [5, 6, 7]],
  ['feed:2', [3, 4, 15]],
  ['feed:elpais.com', [8, 9]],
  ['lang:ru', [5, 6, 7]],
  ['lang:es kabul', [9]],
  ['tag:afghanistan', [2, 6, 9, 10]],
  ['tag:санкции', [1, 5]],
  ['tag:Afghanistan AND NOT lang:ar', [2, 6, 9]],
  ['label:terrorist', [3, 6]],
  ['label:taliban', [3]],
  ['label:талибан', [6]],
  ['label:foreign_agent', []],
  ['is:unread', [2, 5, 12]],
  ['is:read', ALL.filter((i) => ![2, 5, 12].includes(i))],
  ['is:starred', [1, 12]],
  ['is:flagged', [3, 6]],
  ['date:2021-08-01..2021-08-31', [1, 2, 3, 5, 6, 8, 9, 10, 11]],
  ['date:2021-09', [4, 7]],
  ['after:2021-10-01', [12, 13, 14, 15]],
  ['before:2021-08-03', [1, 5]],
  ['after:2021-08-15 before:2021-08-17 taliban', [2, 3]],
  // text with id-only filters (ranked inside the index)
  ['kabul tag:afghanistan', [2, 9]],
  ['taliban -tag:afghanistan', [3]],
  ['label:terrorist taliban', [3]],
  ['is:flagged OR kabul', [2, 3, 6, 9]],
  // filters inside OR and NOT
  ['sanctions OR tag:afghanistan', [1, 2, 3, 4, 6, 9, 10, 15]],
  ['NOT (tag:afghanistan OR lang:en)', [5, 7, 8, 11]],
  ['', ALL],
];

test('every query form returns exactly the expected articles', (t) => {
  const db = library(t);
  for (const [q, expected] of expectations) assert.deepEqual(ids(db, q), expected, q);
});

test('results are ranked by bm25 with titles weighted up, or sorted by date; paging keeps the total', (t) => {
  const db = library(t);
  const ranked = search(db, 'sanction', { sort: 'relevance' });
  assert.equal(ranked.hits[0]?.id, 4, 'the article with the word only in its title, and a short text, comes first');
  const dated = search(db, 'sanctions', { sort: 'date' }).hits.map((h) => h.id);
  assert.deepEqual(dated, [15, 4, 3, 1]);
  const page = search(db, 'sanctions', { sort: 'date', limit: 2, offset: 2 });
  assert.equal(page.total, 4);
  assert.deepEqual(page.hits.map((h) => h.id), [3, 1]);
  const first = search(db, 'sanctions', { limit: 1 });
  assert.equal(first.total, 4);
});

test('hits carry the fields of footnote search --json, with highlighted snippets', (t) => {
  const db = library(t);
  const r = search(db, 'санкции');
  const hit = r.hits.find((h) => h.id === 5)!;
  assert.deepEqual(Object.keys(hit).sort(), ['feed', 'id', 'labels', 'published', 'snippet', 'tags', 'title', 'url']);
  assert.equal(hit.feed, 'РИА Новости');
  assert.equal(hit.url, 'https://ria.ru/20210802/5.html');
  assert.equal(hit.published, '2021-08-02T07:00:00Z');
  assert.deepEqual(hit.tags, ['Санкции']);
  assert.ok(hit.snippet.includes(`${MARK_START}санкции${MARK_END}`), hit.snippet);
  const stemmed = r.hits.find((h) => h.id === 7)!;
  assert.ok(stemmed.snippet.includes(`${MARK_START}санкций${MARK_END}`), 'a stemmed match is highlighted in the raw text');
  const labelled = search(db, 'label:terrorist').hits.find((h) => h.id === 3)!;
  assert.deepEqual(labelled.labels, [{ kind: 'terrorist', entity: 'Taliban' }]);
  const negated = search(db, 'sanctions NOT kremlin').hits.find((h) => h.id === 1)!;
  assert.ok(!negated.snippet.includes(`${MARK_START}Kremlin`));
});

test('a malformed query raises a QuerySyntaxError, and a mixed AND/OR a warning in the result', (t) => {
  const db = library(t);
  assert.throws(() => search(db, '(kabul OR'), (err: Error) => err instanceof QuerySyntaxError && /position 10/.test(err.message));
  assert.throws(() => search(db, 'outlet:rt.com'), (err: Error) => err instanceof QuerySyntaxError && /outlet registry/.test(err.message));
  assert.equal(search(db, 'taliban OR kremlin AND sanction').warnings.length, 1);
});

test('outlet: and country: filter through the outlet resolver', (t) => {
  const db = library(t);
  const outletOf = (urls: (string | null)[]): { name: string; country: string } | null => {
    const url = urls.find((u) => u !== null) ?? '';
    return url.includes('tass.com') ? { name: 'TASS', country: 'RU' } : url.includes('ria.ru') ? { name: 'RIA Novosti', country: 'RU' } : null;
  };
  const q = (s: string): number[] => search(db, s, { limit: 100, outletOf }).hits.map((h) => h.id).sort((a, b) => a - b);
  assert.deepEqual(q('country:ru'), [3, 4, 5, 6, 7, 15]);
  assert.deepEqual(q('outlet:ria'), [5, 6, 7]);
  assert.deepEqual(q('country:ru sanctions'), [3, 4, 15]);
});

test('the index follows edits and deletions of articles', (t) => {
  const db = library(t);
  db.prepare("UPDATE article SET text = 'Новые санкции объявлены' WHERE id = 14").run();
  assert.deepEqual(ids(db, 'санкции'), [5, 7, 14]);
  assert.deepEqual(ids(db, 'pagan'), [14], 'the title still matches');
  db.prepare('DELETE FROM article WHERE id = 14').run();
  assert.deepEqual(ids(db, 'санкции'), [5, 7]);
});

test('volume over time: per day and per week, split by tag', (t) => {
  const db = library(t);
  const days = volume(db, 'taliban OR талибан OR talibanes', 'day');
  assert.equal(days.total, 4);
  assert.equal(days.periods[0], '2021-08-15');
  assert.equal(days.periods.at(-1), '2021-08-20');
  assert.equal(days.periods.length, 6);
  assert.deepEqual(days.series, [{ key: 'all', counts: [1, 1, 1, 0, 0, 1], total: 4 }]);
  const weeks = volume(db, 'kabul OR кабул OR كابل', 'week', 'tag');
  assert.deepEqual(weeks.periods, ['2021-08-09', '2021-08-16']);
  assert.deepEqual(weeks.series, [{ key: 'Afghanistan', counts: [1, 3], total: 4 }]);
  const byLabel = volume(db, 'taliban OR талибан', 'week', 'label');
  assert.deepEqual(byLabel.series.map((s) => [s.key, s.total]), [['(no label)', 2], ['terrorist', 2]]);
  const byOutlet = volume(db, 'sanctions', 'week', 'outlet');
  assert.deepEqual(byOutlet.series.map((s) => [s.key, s.total]), [['TASS', 3], ['Reuters', 1]]);
});

test('saved searches keep live counts', (t) => {
  const db = library(t);
  saveSearch(db, 'Taliban (all languages)', 'taliban OR талибан OR طالبان');
  saveSearch(db, 'Sanctions', 'sanctions OR санкции');
  assert.deepEqual(listSavedSearches(db).map((s) => [s.name, s.count]), [['Sanctions', 6], ['Taliban (all languages)', 5]]);
  db.prepare("UPDATE article SET title = 'Санкции' WHERE id = 14").run();
  assert.equal(listSavedSearches(db).find((s) => s.name === 'Sanctions')?.count, 7);
  saveSearch(db, 'Sanctions', '"sanctions"');
  assert.equal(listSavedSearches(db).find((s) => s.name === 'Sanctions')?.count, 2, 'saving under a name replaces its query');
  assert.throws(() => saveSearch(db, 'Bad', 'a AND'), QuerySyntaxError);
});

test('migration 2 indexes the articles of an existing library, stems included', (t) => {
  const dir = tempDir(t);
  const raw = new Database(libraryPath(dir));
  raw.exec((migrations[0] as { sql: string }).sql);
  raw.pragma('user_version = 1');
  loadCorpus(raw);
  raw.close();
  const db = openLibrary(dir);
  t.after(() => db.close());
  assert.equal(schemaVersion(db), migrations.at(-1)?.version);
  assert.deepEqual(ids(db, 'санкции'), [5, 7]);
  assert.deepEqual(ids(db, 'sanctioned'), [1, 3, 4, 15]);
});

test('the volume chart exports as SVG (text escaped) and CSV', (t) => {
  const db = library(t);
  const data = volume(db, 'kabul OR кабул OR كابل', 'week', 'tag');
  const svg = renderVolumeSvg(data, 'kabul <&> "q"');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.includes('kabul &#60;&#38;&#62; &#34;q&#34;'));
  assert.ok(!svg.includes('<script'));
  assert.equal((svg.match(/<polyline/g) ?? []).length, 1);
  assert.ok(svg.includes('Afghanistan (4)'));
  assert.equal(volumeCsv(data), '\uFEFFperiod,Afghanistan\r\n2021-08-09,1\r\n2021-08-16,3\r\n');
});

test('a tag on most articles pages newest first by walking the date index, with the same total', (t) => {
  const db = library(t);
  applyTag(db, ensureTag(db, 'Many'), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], null);
  const page = search(db, 'tag:many', { limit: 3, offset: 1 });
  assert.equal(page.total, 12);
  assert.deepEqual(page.hits.map((h) => h.id), [7, 4, 6]);
  assert.equal(search(db, 'is:flagged', { limit: 1 }).total, 2);
});
