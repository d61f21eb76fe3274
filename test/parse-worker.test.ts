// parseInWorker: the same results as parseFeedBytes, errors with the same words, from the TypeScript sources and
// from a bundle laid out as electron-vite lays it out (index.js with parse-worker.js beside it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parseInWorker, stopParseWorker } from '../electron/feeds/parse-in-worker.ts';
import { parseFeedBytes, FeedParseError } from '../electron/feeds/parse.ts';
import { tempDir } from './helpers.ts';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures', 'feeds');
const node = join(root, 'node_modules', '.bin', 'node');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(node, args, { cwd: root }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
  });
}

test('every fixture parses in the worker exactly as on this thread, many at once', async (t) => {
  t.after(() => stopParseWorker());
  const files = readdirSync(fixtures).filter((f) => !f.endsWith('.html'));
  const inputs = files.map((f) => ({ f, bytes: readFileSync(join(fixtures, f)) }));
  const results = await Promise.all(inputs.map(({ bytes }) => parseInWorker(bytes, { url: 'https://example.com/feed' })));
  inputs.forEach(({ f, bytes }, i) => {
    assert.deepEqual(results[i], parseFeedBytes(bytes, { url: 'https://example.com/feed' }), f);
    assert.ok(bytes.length > 0, `${f}: the caller's bytes are left intact`);
  });
});

test('a refusal comes back as a FeedParseError with the same message', async (t) => {
  t.after(() => stopParseWorker());
  const html = readFileSync(join(fixtures, 'not-a-feed.html'));
  let expected = '';
  try { parseFeedBytes(html); } catch (err) { expected = (err as Error).message; }
  await assert.rejects(parseInWorker(html), (err: unknown) => err instanceof FeedParseError && err.message === expected);
  // The worker survives a refusal and keeps serving.
  assert.equal((await parseInWorker(readFileSync(join(fixtures, 'rdf.xml')))).title, 'RDF Wire');
});

test('an idle worker does not keep a process alive', async (t) => {
  const script = join(tempDir(t), 'once.ts');
  writeFileSync(script, `import { parseInWorker } from ${JSON.stringify(join(root, 'electron', 'feeds', 'parse-in-worker.ts'))};
    import { readFileSync } from 'node:fs';
    const feed = await parseInWorker(readFileSync(${JSON.stringify(join(fixtures, 'atom.xml'))}));
    console.log(feed.title);`);
  const r = await run([script]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'Beispiel-Blog');
});

test('bundled as electron-vite does, index.js finds parse-worker.js beside it', async (t) => {
  // Under the repo so that the bundle's external packages (htmlparser2, iconv-lite) resolve from node_modules.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'footnote-parse-worker-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const entry = join(out, 'entry.ts');
  writeFileSync(entry, `import { readFileSync } from 'node:fs';
    import { parseInWorker } from ${JSON.stringify(join(root, 'electron', 'feeds', 'parse-in-worker.ts'))};
    const feed = await parseInWorker(readFileSync(process.argv[2]));
    console.log(JSON.stringify({ title: feed.title, items: feed.items.length }));`);
  await build({
    entryPoints: { index: entry, 'parse-worker': join(root, 'electron', 'feeds', 'parse-worker.ts') },
    outdir: join(out, 'main'), bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent',
  });
  const r = await run([join(out, 'main', 'index.js'), join(fixtures, 'koi8-r.xml')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { title: 'Новости | Лента', items: 2 });
});
