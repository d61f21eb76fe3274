// Web mode under attack from other pages in the user's browser and other machines on the network: no /api/ path
// answers without the token; a foreign Host (DNS rebinding) or Origin is refused even with it; no CORS header is
// ever sent, preflights included; only 127.0.0.1 listens; the HTML carries a CSP; random and oversized bodies
// are refused cleanly without writing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../electron/server/server.ts';
import { apiNames } from '../electron/api/methods.ts';
import { createContext, type EngineContext } from '../electron/engine/context.ts';
import { tempDir } from './helpers.ts';
import { insertArticles, libraryDigest } from './support/library-fixture.ts';
import { describeArgs, fuzzSeed, randomArgs, rng } from './support/fuzz.ts';

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string | null }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...opts.headers };
    const req = http.request({ agent: false, host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers, setHost: opts.host === undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      // The event stream never ends by itself: what matters is its status and headers.
      if ((res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
        res.destroy();
      }
    });
    if (opts.host) req.setHeader('host', opts.host);
    req.on('error', (err) => reject(new Error(`${opts.method ?? 'GET'} ${opts.path.slice(0, 80)} (${String(opts.body ?? '').length} bytes): ${err.message}`)));
    req.end(opts.body);
  });
}

async function setup(t: import('node:test').TestContext): Promise<{ ctx: EngineContext; server: RunningServer; token: string }> {
  const rendererDir = tempDir(t);
  copyFileSync(fileURLToPath(new URL('../renderer/index.html', import.meta.url)), join(rendererDir, 'index.html'));
  const ctx = createContext(tempDir(t));
  insertArticles(ctx.store.db, 'https://one.example/feed', 5);
  const server = await startServer({ ctx, rendererDir });
  t.after(async () => {
    await server.close();
    ctx.store.close();
  });
  return { ctx, server, token: server.token };
}

const noCors = (r: Reply, what: string): void => {
  for (const h of Object.keys(r.headers)) assert.ok(!h.startsWith('access-control-'), `${what}: no CORS header (${h})`);
};

test('no /api/ request is served without the right token, on any path or method, and nothing is written', async (t) => {
  const { ctx, server, token } = await setup(t);
  const digest = libraryDigest(ctx.store.db);
  const wrong = [undefined, '', 'Bearer', 'Bearer ', `Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, `Bearer ${token.toUpperCase()}`, `Basic ${token}`, token, `Bearer  ${'a'.repeat(10_000)}`];
  const json = { 'content-type': 'application/json' };
  for (const name of [...apiNames, 'nope', '', '../version', '%2e%2e/version', '..%2fversion']) {
    for (const auth of wrong) {
      const r = await request(server.port, { method: 'POST', path: `/api/${name}`, headers: auth === undefined ? json : { ...json, authorization: auth }, body: '{"id":1,"ids":[1,2,3]}' });
      const what = `POST /api/${name} with ${auth === undefined ? 'no token' : `"${auth.slice(0, 20)}"`}`;
      // A path that climbs out of /api/ is no API call at all (the static side refuses a POST); all others get 401.
      if (/\.\.|%2e/i.test(name)) assert.ok(r.status >= 400 && r.status !== 500, `${what}: ${r.status}`);
      else assert.equal(r.status, 401, what);
      noCors(r, name);
    }
  }
  // The token in the query string is for the event stream only (EventSource cannot send headers).
  const inQuery = await request(server.port, { method: 'POST', path: `/api/feeds.list?token=${token}`, headers: json, body: '{}' });
  assert.equal(inQuery.status, 401);
  for (const path of ['/api/events', '/api/events?token=', `/api/events?token=${token}x`, `/api/events?token=${token.slice(1)}`, '/api/events?token[]=x']) {
    assert.equal((await request(server.port, { path })).status, 401, path);
  }
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    assert.equal((await request(server.port, { method, path: '/api/feeds.remove', headers: json, body: '{"id":1}' })).status, 401, method);
  }
  assert.equal(libraryDigest(ctx.store.db), digest);
  // And with the token it works: the refusals above were about the token.
  const ok = await request(server.port, { method: 'POST', path: '/api/feeds.list', headers: { ...json, authorization: `Bearer ${token}` }, body: '{}' });
  assert.equal(ok.status, 200);
  assert.equal((await request(server.port, { path: `/api/events?token=${token}` })).status, 200);
});

test('a foreign Host (DNS rebinding) or Origin is refused even with the token; no CORS, preflights included', async (t) => {
  const { server, token } = await setup(t);
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`, `127.0.0.2:${server.port}`, `[::1]:${server.port}`, `0.0.0.0:${server.port}`]) {
    const api = await request(server.port, { method: 'POST', path: '/api/feeds.list', headers: auth, body: '{}', host });
    assert.equal(api.status, 403, `API with Host ${host}`);
    const page = await request(server.port, { path: '/', host });
    assert.equal(page.status, 403, `page with Host ${host}`);
    noCors(api, host);
  }
  const noHost = await request(server.port, { method: 'POST', path: '/api/feeds.list', headers: auth, body: '{}', host: null });
  assert.ok(noHost.status === 403 || noHost.status === 400, `no Host header: ${noHost.status}`);

  for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, `http://localhost.evil.example:${server.port}`, 'file://']) {
    const r = await request(server.port, { method: 'POST', path: '/api/feeds.list', headers: { ...auth, origin }, body: '{}' });
    assert.equal(r.status, 403, `Origin ${origin}`);
    noCors(r, origin);
    const preflight = await request(server.port, {
      method: 'OPTIONS', path: '/api/feeds.list',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    assert.ok(preflight.status >= 400, `preflight from ${origin} refused (${preflight.status})`);
    noCors(preflight, `preflight ${origin}`);
  }
  const same = await request(server.port, { method: 'POST', path: '/api/feeds.list', headers: { ...auth, origin: `http://127.0.0.1:${server.port}` }, body: '{}' });
  assert.equal(same.status, 200, 'our own origin is served');
  noCors(same, 'own origin');
});

test('web mode listens on 127.0.0.1 alone: the machine\'s other addresses refuse the connection', async (t) => {
  const { server } = await setup(t);
  const others = Object.values(networkInterfaces()).flat().filter((a) => a !== undefined).map((a) => a.address).filter((a) => a !== '127.0.0.1');
  const targets = [...new Set([...others, '::1', '127.0.0.2'])];
  t.diagnostic(`tried: ${targets.join(', ')}`);
  for (const address of targets) {
    const outcome = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: address, port: server.port });
      socket.setTimeout(2000, () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    assert.notEqual(outcome, 'connected', `${address}:${server.port} must not accept connections`);
  }
});

test('the served HTML carries a strict Content-Security-Policy and framing protection', async (t) => {
  const { server } = await setup(t);
  for (const path of ['/', '/index.html']) {
    const r = await request(server.port, { path });
    assert.equal(r.status, 200);
    const csp = String(r.headers['content-security-policy'] ?? '');
    assert.match(csp, /script-src 'self'(;|$)/, 'scripts only from the app itself');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, 'no inline script, no eval, no wildcard');
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /form-action 'none'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.match(r.body, /<meta http-equiv="Content-Security-Policy"/, 'the page carries the policy itself too');
  }
});

test('HTTP API fuzzing: random, non-JSON and oversized bodies are refused cleanly, without writing', { timeout: 180_000 }, async (t) => {
  const { ctx, server, token } = await setup(t);
  const seed = fuzzSeed();
  t.diagnostic(`FUZZ_SEED=${seed}`);
  const r = rng(seed);
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const problems: string[] = [];
  const methods = apiNames.filter((n) => !/^feeds\.(add|discover|poll)$|fullText/.test(n)); // these fetch from the network
  const bodies = (): string => {
    const roll = r();
    if (roll < 0.6) {
      try {
        return JSON.stringify(randomArgs(r), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? '';
      } catch {
        return `${'['.repeat(100_000)}${']'.repeat(100_000)}`; // nested too deep to stringify: send it deeper still
      }
    }
    return ['{', '{"a":', 'nul', '[', '"\\ud800"', '\u0000', '{"__proto__":{"polluted":1}}', '1e999999', '-', '{}}', 'undefined', '<xml/>'][Math.floor(r() * 12)] as string;
  };
  for (let i = 0; i < 600; i++) {
    const name = methods[Math.floor(r() * methods.length)] as string;
    const body = bodies();
    const before = libraryDigest(ctx.store.db);
    const res = await request(server.port, { method: 'POST', path: `/api/${name}`, headers: auth, body });
    if (res.status === 200) continue;
    let parsed: { error?: unknown; code?: unknown } = {};
    try {
      parsed = JSON.parse(res.body) as typeof parsed;
    } catch {
      problems.push(`${name} ${describeArgs(body)}: non-JSON error body`);
    }
    if (typeof parsed.error !== 'string' || parsed.error.length < 5) problems.push(`${name} ${describeArgs(body)}: ${res.status} without a clear error`);
    if (res.status >= 500) problems.push(`${name} ${describeArgs(body)}: ${res.status} ${String(parsed.error)}`);
    if ((res.status === 400 || res.status === 404) && libraryDigest(ctx.store.db) !== before) problems.push(`${name} ${describeArgs(body)}: refused but wrote`);
  }
  assert.deepEqual(problems.slice(0, 10), [], `FUZZ_SEED=${seed}: ${problems.length} problems`);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);

  for (const path of ['/api/%E0%A4%A', '/api/%', '/api/%00']) {
    const res = await request(server.port, { method: 'POST', path, headers: auth, body: '{}' });
    assert.ok(res.status === 400 || res.status === 404, `malformed method name ${path} is a client error (got ${res.status}: ${res.body})`);
  }
  const wrongType = await request(server.port, { method: 'POST', path: '/api/feeds.list', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: '{}' });
  assert.equal(wrongType.status, 415, 'a simple (CORS-free) content type is refused');

  const digest = libraryDigest(ctx.store.db);
  const huge = Buffer.alloc(33 * 1024 * 1024, 0x20);
  const big = await request(server.port, { method: 'POST', path: '/api/opml.import', headers: auth, body: huge }).catch((err: Error) => ({ status: 0, headers: {}, body: err.message }));
  assert.ok(big.status === 400 || big.status === 413 || big.status === 0, `a body over the cap is refused (${big.status} ${big.body.slice(0, 100)})`);
  assert.equal(libraryDigest(ctx.store.db), digest);
  const alive = await request(server.port, { method: 'POST', path: '/api/version', headers: auth, body: '{}' });
  assert.equal(alive.status, 200, 'the server still answers');
});
