// The real `footnote` bin, end to end, against a local feed server and a temporary data directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cutToWidth, stringWidth } from '../electron/text/columns.ts';
import { join } from 'node:path';
import type { FeedRecord } from '../electron/model.ts';
import { tempDir } from './helpers.ts';
import { startFeedServer, serve, rss2 } from './support/feed-server.ts';

interface Run { code: number; stdout: string; stderr: string }

// Asynchronous on purpose: the feed server runs in this process and must keep answering while the bin runs.
function footnote(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/footnote.js', ...args], { env: { ...process.env, FOOTNOTE_DATA_DIR: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function json<T>(r: Run): T {
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

test('add a site, poll, list, poll again, OPML round trip, remove; errors are one line on stderr', async (t) => {
  const s = await startFeedServer({
    '/': serve('<html><head><link rel="alternate" type="application/rss+xml" title="Main" href="/feed.xml"></head><body>Site</body></html>', 'text/html'),
  });
  t.after(() => s.close());
  // Item links on the local server: the full-text step (on by detection for short items) never leaves this machine.
  const items = Array.from({ length: 4 }, (_, i) => ({ guid: `s${i}`, title: `Story ${i}`, link: s.url(`/story/${i}`) }));
  s.route('/feed.xml', serve(rss2('Site news', items), 'application/rss+xml', { etag: '"e1"' }));
  const bare = await startFeedServer({ '/empty/': serve('<html><body>No feeds here</body></html>', 'text/html') });
  t.after(() => bare.close());
  const dir = tempDir(t);
  const d = ['--data-dir', dir];

  const added = json<FeedRecord & { candidates: { url: string }[] }>(await footnote(['add', s.url('/'), '--folder', 'World', '--json', ...d]));
  assert.equal(added.url, s.url('/feed.xml'));
  assert.equal(added.title, 'Site news');
  assert.equal(added.folder, 'World');
  assert.equal(added.status, 'new');
  assert.deepEqual(added.candidates.map((c) => c.url), [s.url('/feed.xml')]);

  const first = json<{ feeds: number; new: number; updated: number; failed: unknown[] }>(await footnote(['poll', '--json', ...d]));
  assert.deepEqual({ feeds: first.feeds, new: first.new, updated: first.updated, failed: first.failed }, { feeds: 1, new: 4, updated: 0, failed: [] });

  const feeds = json<FeedRecord[]>(await footnote(['feeds', '--json', ...d]));
  assert.equal(feeds.length, 1);
  assert.equal(feeds[0]?.status, 'ok');
  assert.equal(feeds[0]?.articleCount, 4);
  assert.equal(feeds[0]?.unreadCount, 4);
  assert.equal(feeds[0]?.lastError, null);

  // Not a terminal: one summary line, no progress bar; the second poll stores nothing and sent If-None-Match.
  const second = await footnote(['poll', ...d]);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(second.stdout, 'Polled 1 feed: 0 new, 0 updated, 0 failed.\n');
  assert.equal(second.stderr, '');
  assert.equal(s.requestsTo('/feed.xml').at(-1)?.headers['if-none-match'], '"e1"');
  assert.equal(json<{ new: number }>(await footnote(['poll', '--due', '--json', ...d])).new, 0);

  // OPML: export to a file and to stdout, import into another library.
  const out = join(dir, 'subs.opml');
  assert.equal((await footnote(['opml', 'export', '--out', out, ...d])).code, 0);
  const stdoutExport = await footnote(['opml', 'export', ...d]);
  assert.equal(stdoutExport.stdout.replace(/<dateCreated>.*<\/dateCreated>/, ''), readFileSync(out, 'utf8').replace(/<dateCreated>.*<\/dateCreated>/, ''));
  const other = ['--data-dir', tempDir(t)];
  assert.deepEqual(json(await footnote(['opml', 'import', out, '--json', ...other])), { added: 1, skipped: 0 });
  const imported = json<FeedRecord[]>(await footnote(['feeds', '--json', ...other]));
  assert.deepEqual(imported.map((f) => [f.url, f.title, f.folder, f.status]), [[s.url('/feed.xml'), 'Site news', 'World', 'new']]);

  // FOOTNOTE_DATA_DIR stands for --data-dir.
  assert.equal(json<FeedRecord[]>(await footnote(['feeds', '--json'], { FOOTNOTE_DATA_DIR: dir })).length, 1);

  // Failures: non-zero exit, exactly one line on stderr, nothing stored.
  const noFeed = await footnote(['add', bare.url('/empty/'), ...d]);
  assert.notEqual(noFeed.code, 0);
  assert.equal(noFeed.stderr.trimEnd().split('\n').length, 1, noFeed.stderr);
  assert.match(noFeed.stderr, /^footnote add: No feed found at http:\/\/127\.0\.0\.1:\d+\/empty\//);
  const twice = await footnote(['add', s.url('/feed.xml'), ...d]);
  assert.notEqual(twice.code, 0);
  assert.match(twice.stderr, /^footnote add: You are already subscribed to .* \(feed 1\)\.\n$/);
  const missing = await footnote(['opml', 'import', join(dir, 'nope.opml'), ...d]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^footnote opml: Cannot read .*nope\.opml: no such file\.\n$/);
  assert.equal(json<FeedRecord[]>(await footnote(['feeds', '--json', ...d])).length, 1);

  const removed = json<FeedRecord>(await footnote(['remove', s.url('/feed.xml'), '--json', ...d]));
  assert.equal(removed.articleCount, 4);
  assert.deepEqual(json(await footnote(['feeds', '--json', ...d])), []);
  const again = await footnote(['remove', '1', ...d]);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /^footnote remove: There is no feed 1/);
});

test('the feeds table lines up by display width: wide CJK, long and accented titles keep every column in place', async (t) => {
  const dir = tempDir(t);
  const opml = join(dir, 'in.opml');
  const titles = ['BBC', '人民网 — 国际新闻频道', 'Российская газета: Новости дня', `Très long titre ${'x'.repeat(80)}`, '日本経済新聞'];
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body><outline text="世界">${
    titles.map((title, i) => `<outline type="rss" text="${title}" xmlUrl="http://127.0.0.1:9/${i}.xml"/>`).join('')}</outline></body></opml>`);
  assert.equal((await footnote(['opml', 'import', opml, '--data-dir', dir])).code, 0);
  const out = await footnote(['feeds', '--data-dir', dir]);
  assert.equal(out.code, 0, out.stderr);
  const lines = out.stdout.trimEnd().split('\n');
  assert.equal(lines.length, titles.length + 1, out.stdout);
  // Where the URL column starts, in terminal columns: the same on every row.
  const urlColumn = lines.slice(1).map((l) => stringWidth(l.slice(0, l.indexOf('http://'))));
  assert.equal(new Set(urlColumn).size, 1, out.stdout);
  assert.equal(stringWidth(lines[0]!.slice(0, lines[0]!.indexOf('URL'))), urlColumn[0], 'the header lines up too');
  assert.ok(lines.some((l) => l.includes('人民网 — 国际新闻频道')), 'a CJK title is whole');
  assert.ok(lines.some((l) => /Très long titre x+…/.test(l)), 'a long title is cut with an ellipsis');
  assert.equal(cutToWidth('日本経済新聞', 7), '日本経…', 'cut by display width, not by characters');
});
