// `footnote parse` end to end: the real bin in a child process, on fixture files and on a local HTTP server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { tempDir } from './helpers.ts';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures', 'feeds');

interface Run { code: number; stdout: string; stderr: string }

function footnote(args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(join(root, 'node_modules', '.bin', 'node'), ['bin/footnote.js', ...args], { cwd: root, env: { ...process.env, FOOTNOTE_DATA_DIR: dataDir } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
  });
}

test('parse --json prints exactly the feed object for every format', async (t) => {
  const data = tempDir(t);
  const expectedTitles: Record<string, string> = {
    'rss2.xml': 'Example News & Views', 'atom.xml': 'Beispiel-Blog', 'rdf.xml': 'RDF Wire', 'jsonfeed.json': 'JSON Notes',
    'windows-1251-prolog.xml': 'Новости | Лента', 'koi8-r.xml': 'Новости | Лента', 'shift_jis.xml': '日本のニュース', 'gb18030.xml': '中文新闻',
  };
  for (const [file, title] of Object.entries(expectedTitles)) {
    const run = await footnote(['parse', join(fixtures, file), '--json'], data);
    assert.equal(run.code, 0, `${file}: ${run.stderr}`);
    const feed = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(feed), ['title', 'link', 'description', 'language', 'items'], file);
    assert.equal(feed['title'], title, file);
    const items = feed['items'] as Record<string, unknown>[];
    assert.ok(items.length > 0, file);
    assert.deepEqual(Object.keys(items[0] ?? {}), ['id', 'title', 'link', 'published', 'updated', 'author', 'summary', 'content', 'categories'], file);
  }
});

test('--url resolves relative links and --content-type carries the charset', async (t) => {
  const data = tempDir(t);
  const rss = await footnote(['parse', join(fixtures, 'rss2.xml'), '--url', 'https://news.example.com/rss.xml', '--json'], data);
  const item = (JSON.parse(rss.stdout) as { items: { content: string }[] }).items[0];
  assert.match(item?.content ?? '', /href="https:\/\/news\.example\.com\/2026\/11\/tram-map"/);
  const cyr = await footnote(['parse', join(fixtures, 'windows-1251-no-declaration.xml'), '--content-type', 'text/xml; charset=windows-1251', '--json'], data);
  assert.equal((JSON.parse(cyr.stdout) as { title: string }).title, 'Новости | Лента');
});

test('without --json a short summary: title, item count, first items', async (t) => {
  const run = await footnote(['parse', join(fixtures, 'atom.xml')], tempDir(t));
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^Beispiel-Blog {2}\[ATOM, de\]/);
  assert.match(run.stdout, /2 items:/);
  assert.match(run.stdout, /2026-11-24 08:00 {2}Über "Feeds"/);
});

test('a broken file, an HTML page and a missing file exit non-zero with one line on stderr', async (t) => {
  const dir = tempDir(t);
  const broken = join(dir, 'broken.xml');
  writeFileSync(broken, '<?xml version="1.0"?>\n<rss version="2.0">\n<chan');
  for (const [file, message] of [[broken, /XML is broken at line 3/], [join(fixtures, 'not-a-feed.html'), /HTML page, not a feed/], [join(dir, 'missing.xml'), /no such file/]] as const) {
    const run = await footnote(['parse', file, '--json'], dir);
    assert.notEqual(run.code, 0, file);
    assert.equal(run.stdout, '', file);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0] ?? '', message);
  }
});

test('parse <url> fetches from a server and uses its Content-Type and final address', async (t) => {
  const body = readFileSync(join(fixtures, 'windows-1251-no-declaration.xml'));
  const server = createServer((req, res) => {
    if (req.url === '/old') { res.writeHead(301, { location: '/feed' }).end(); return; }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { port } = server.address() as AddressInfo;
  const run = await footnote(['parse', `http://127.0.0.1:${port}/old`, '--json'], tempDir(t));
  assert.equal(run.code, 0, run.stderr);
  const feed = JSON.parse(run.stdout) as { title: string; items: { title: string }[] };
  assert.equal(feed.title, 'Новости | Лента');
  assert.equal(feed.items[0]?.title, 'Мэр Москвы заявил о новых проектах');
});
