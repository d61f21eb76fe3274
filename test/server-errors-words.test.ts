// Expected failures in web mode answer 4xx with a sentence a person can act on: which feed or address, what went
// wrong, what to do next. Before: discovery on a name that does not resolve and a refused connection gave HTTP 500,
// "htp//x" gave a DNS error, validation gave zod's text ("Invalid arguments for outlets.upsert (domains.0)"), and
// a redirect to a data: address was quoted whole.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startServer, type RunningServer } from '../electron/server/server.ts';
import { createContext } from '../electron/engine/context.ts';
import { inProcessTransport } from '../electron/api/client.ts';
import { shortUrl } from '../electron/text/short-url.ts';
import { fieldName } from '../electron/api/arg-errors.ts';
import { tempDir } from './helpers.ts';
import { startFeedServer, redirect } from './support/feed-server.ts';

async function start(t: TestContext): Promise<RunningServer> {
  const dir = tempDir(t);
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Footnote</title>');
  const ctx = createContext(join(dir, 'data'));
  const server = await startServer({ api: inProcessTransport(ctx), settings: ctx.settings, rendererDir: renderer, port: 0 });
  t.after(async () => {
    await server.close();
    ctx.store.close();
  });
  return server;
}

async function call(server: RunningServer, name: string, args: unknown): Promise<{ status: number; error: string; code: string }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${name}`, {
    method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(args),
  });
  const body = (await res.json()) as { error: string; code: string };
  return { status: res.status, ...body };
}

/** A port on 127.0.0.1 where nothing listens: bound, then closed. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test('a refused connection and a name that does not resolve are 422 with the address and what to do next', async (t) => {
  const server = await start(t);
  const port = await closedPort();
  const refused = await call(server, 'feeds.add', { url: `http://127.0.0.1:${port}/feed` });
  assert.equal(refused.status, 422, refused.error);
  assert.equal(refused.code, 'unreachable');
  assert.match(refused.error, new RegExp(`127\\.0\\.0\\.1:${port}.*refused the connection.*try again`));

  const nowhere = await call(server, 'feeds.add', { url: 'https://no-such-host.invalid/' });
  assert.ok(nowhere.status >= 400 && nowhere.status < 500, `${nowhere.status} ${nowhere.error}`);
  assert.match(nowhere.error, /no-such-host\.invalid/);
});

test('"htp//x" is not an address (no DNS look-up), a bare word neither; localhost and IPs still are', async (t) => {
  const server = await start(t);
  for (const typed of ['htp//x', 'http//example.com/feed', 'feed']) {
    const r = await call(server, 'feeds.add', { url: typed });
    assert.equal(r.status, 400, typed);
    assert.match(r.error, /is not a web address; type a feed or site URL/, typed);
    assert.doesNotMatch(r.error, /DNS/);
  }
});

test('bad arguments read as words naming the field, never zod text or a dotted path', async (t) => {
  const server = await start(t);
  const r = await call(server, 'outlets.upsert', { name: 'Bad', domains: ['not a domain'], country: 'RU', category: 'x', source: 'y' });
  assert.equal(r.status, 400);
  assert.equal(r.error, 'Domain 1 must be a domain such as example.com: correct it and try again (outlets.upsert).');
  const missing = await call(server, 'feeds.add', {});
  assert.match(missing.error, /^The url is missing/);
  const interval = await call(server, 'feeds.update', { id: 1, intervalMinutes: 1 });
  assert.match(interval.error, /^The interval minutes must be at least \d+/);
  for (const e of [r.error, missing.error, interval.error]) assert.doesNotMatch(e, /Invalid arguments|\w\.\d|expected|_/);
  assert.equal(fieldName(['feeds', 2, 'folderName']), 'folder name of feed 3');
});

test('a redirect to a data: address is quoted in a short cut form', async (t) => {
  const server = await start(t);
  const payload = `data:text/html;base64,${Buffer.alloc(6_000, 'a').toString('base64')}`;
  const feeds = await startFeedServer({ '/feed': redirect(302, payload) });
  t.after(() => feeds.close());
  const r = await call(server, 'feeds.add', { url: feeds.url('/feed') });
  assert.equal(r.status, 422, r.error);
  assert.ok(r.error.length < 400, `${r.error.length} characters: ${r.error.slice(0, 500)}`);
  assert.match(r.error, /data:text\/html… \(\d[\d,]* characters\)/);
  assert.equal(shortUrl(`https://example.com/${'x'.repeat(500)}`).length, 80);
  assert.equal(shortUrl('https://example.com/a'), 'https://example.com/a');
});
