// The engine runs on a worker thread behind `footnote serve`: the API answers through it, and when it dies in the
// middle of a poll (a real exit inside the worker, through the FOOTNOTE_TEST_HOOKS hook) the call in flight fails
// with a clear error, the window's event stream hears of it, the engine comes back on the same library and the
// articles saved before are all there; the next poll completes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type http from 'node:http';
import { tempDir } from './helpers.ts';
import { startFeedServer, serve, rss2 } from './support/feed-server.ts';
import type { AppEvent } from '../electron/events.ts';

const bin = join(import.meta.dirname, '..', 'bin', 'footnote.js');

const items = (prefix: string, n: number): { guid: string; title: string; link: string }[] =>
  Array.from({ length: n }, (_, i) => ({ guid: `${prefix}-${i}`, title: `${prefix} story ${i}`, link: `https://news.example/${prefix}/${i}` }));

test('footnote serve: the API answers through the engine worker; an engine crash mid-poll fails that call clearly, the engine restarts and nothing saved is lost', async (t) => {
  const dir = tempDir(t);
  const renderer = join(dir, 'ui');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Footnote</title>');

  // /slow.xml answers discovery, then hangs on every poll until the test lets it answer again.
  const hanging: http.ServerResponse[] = [];
  let slowHangs = false;
  let hungRequest: () => void = () => {};
  const slowFeed = serve(rss2('Slow feed', items('slow', 2)));
  const feeds = await startFeedServer({
    '/a.xml': serve(rss2('Feed A', items('a', 3))),
    '/slow.xml': (req, res) => {
      if (!slowHangs) return slowFeed(req, res);
      hanging.push(res);
      hungRequest();
    },
  });
  t.after(async () => {
    for (const res of hanging) res.destroy();
    await feeds.close();
  });

  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', join(dir, 'data')], {
    env: { ...process.env, FOOTNOTE_RENDERER_DIR: renderer, FOOTNOTE_TEST_HOOKS: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)$/.exec(first);
  assert.ok(m, `printed ${first}`);
  const [, port, token] = m;
  const call = async (name: string, args: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${name}`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(args),
    });
    return { status: res.status, body: await res.json() as Record<string, unknown> };
  };
  const ok = async (name: string, args: unknown): Promise<Record<string, unknown>> => {
    const r = await call(name, args);
    assert.equal(r.status, 200, `${name}: ${JSON.stringify(r.body)}`);
    return r.body;
  };

  // The same contract as before: argument errors keep their code and words.
  const bad = await call('articles.get', { id: -1 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body['code'], 'bad_request');
  assert.match(String(bad.body['error']), /^The id must be .*\(articles\.get\)\.$/);
  assert.equal((await call('no.such', {})).body['code'], 'not_found');

  const a = (await ok('feeds.add', { url: feeds.url('/a.xml') }))['feed'] as { id: number };
  const slow = (await ok('feeds.add', { url: feeds.url('/slow.xml') }))['feed'] as { id: number };
  for (const id of [a.id, slow.id]) await ok('feeds.update', { id, fullText: false });
  const polled = await ok('feeds.poll', {});
  assert.equal(polled['new'], 5);
  const before = await ok('articles.list', { view: 'all', limit: 1000 });
  assert.equal(before['total'], 5);

  const events: AppEvent[] = [];
  const stream = await fetch(`http://127.0.0.1:${port}/api/events?token=${encodeURIComponent(token ?? '')}`);
  const reader = stream.body!.getReader();
  const crashHeard = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        if (block.startsWith('data: ')) events.push(JSON.parse(block.slice(6)) as AppEvent);
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      if (events.some((e) => e.type === 'engine-crashed')) return;
    }
  })();

  slowHangs = true;
  const slowAsked = new Promise<void>((resolve) => (hungRequest = resolve));
  const inFlight = call('feeds.poll', {});
  await slowAsked; // the engine is inside the poll, waiting on /slow.xml
  child.kill('SIGUSR2');
  const failed = await inFlight;
  assert.equal(failed.status, 500);
  assert.equal(failed.body['code'], 'failed');
  assert.match(String(failed.body['error']), /engine stopped unexpectedly \(exit code 86\) while answering feeds\.poll; it is restarting/);
  await crashHeard;
  assert.ok(events.some((e) => e.type === 'engine-crashed' && /restarting on the same library/.test(e.message)), JSON.stringify(events));
  await reader.cancel();

  // The restarted engine has the same library: everything saved before the crash is there.
  const after = await ok('articles.list', { view: 'all', limit: 1000 });
  assert.equal(after['total'], 5);
  assert.deepEqual(after['items'], before['items']);
  const one = (before['items'] as { id: number }[])[0]!;
  assert.equal((await ok('articles.get', { id: one.id }))['id'], one.id);

  slowHangs = false;
  const again = await ok('feeds.poll', {});
  assert.deepEqual(again['failed'], []);

  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exit, 0, stderr);
});
