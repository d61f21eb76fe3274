import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../electron/server/server.ts';
import { createContext } from '../electron/engine/context.ts';
import { tempDir } from './helpers.ts';
import type { TestContext } from 'node:test';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw request, so that Host and Origin can be anything (fetch() would fix them). */
function send(server: RunningServer, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET',
      headers: { Host: `127.0.0.1:${server.port}`, ...init.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

function callApi(server: RunningServer, name: string, args: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(server, `/api/${name}`, { method: 'POST', body: JSON.stringify(args),
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...headers } });
}

async function start(t: TestContext): Promise<{ server: RunningServer; ctx: ReturnType<typeof createContext>; dir: string }> {
  const dir = tempDir(t);
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Footnote</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve me');
  const ctx = createContext(join(dir, 'data'));
  const server = await startServer({ ctx, rendererDir: renderer, port: 0 });
  t.after(async () => {
    await server.close();
    ctx.store.close();
  });
  return { server, ctx, dir };
}

test('the server listens on 127.0.0.1 only and prints a URL carrying a fresh random token', async (t) => {
  const { server } = await start(t);
  assert.match(server.url, new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{40,}$`));
  assert.ok(server.port > 0);
  const other = await start(t);
  assert.notEqual(other.server.token, server.token);
  await assert.rejects(
    new Promise((resolve, reject) => {
      const req = request({ host: '::1', port: server.port, path: '/' }, resolve);
      req.on('error', reject);
      req.end();
    }),
    /ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EAFNOSUPPORT/,
  );
});

test('an API call without the token, or with a wrong one, gets 401', async (t) => {
  const { server } = await start(t);
  const none = await send(server, '/api/version', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
  assert.equal(none.status, 401);
  assert.equal(JSON.parse(none.body).code, 'unauthorized');
  const wrong = await callApi(server, 'version', {}, { Authorization: `Bearer ${'x'.repeat(server.token.length)}` });
  assert.equal(wrong.status, 401);
  const events = await send(server, '/api/events?token=nope');
  assert.equal(events.status, 401);
});

test('a valid call returns the method result; bad arguments and unknown methods get 400 and 404 with a code', async (t) => {
  const { server } = await start(t);
  const ok = await callApi(server, 'version', {});
  assert.equal(ok.status, 200);
  assert.equal(typeof JSON.parse(ok.body).version, 'string');
  const bad = await callApi(server, 'version', { unexpected: 1 });
  assert.equal(bad.status, 400);
  assert.equal(JSON.parse(bad.body).code, 'bad_request');
  const unknown = await callApi(server, 'no.such.method', {});
  assert.equal(unknown.status, 404);
  assert.deepEqual(Object.keys(JSON.parse(unknown.body)).sort(), ['code', 'error']);
  const notJson = await send(server, '/api/version', { method: 'POST', body: '{oops', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' } });
  assert.equal(notJson.status, 400);
  const get = await send(server, '/api/version', { headers: { Authorization: `Bearer ${server.token}` } });
  assert.equal(get.status, 405);
});

test('a Host other than 127.0.0.1:PORT or localhost:PORT gets 403 (DNS rebinding)', async (t) => {
  const { server } = await start(t);
  for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`]) {
    const reply = await callApi(server, 'version', {}, { Host: host });
    assert.equal(reply.status, 403, host);
    assert.equal((await send(server, '/', { headers: { Host: host } })).status, 403, host);
  }
  assert.equal((await callApi(server, 'version', {}, { Host: `localhost:${server.port}` })).status, 200);
});

test('a foreign Origin gets 403 and no response ever carries CORS headers', async (t) => {
  const { server } = await start(t);
  for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
    const reply = await callApi(server, 'version', {}, { Origin: origin });
    assert.equal(reply.status, 403, origin);
    assert.equal(reply.headers['access-control-allow-origin'], undefined);
  }
  const preflight = await send(server, '/api/version', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(preflight.status, 403);
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  const own = await callApi(server, 'version', {}, { Origin: `http://127.0.0.1:${server.port}` });
  assert.equal(own.status, 200);
  assert.equal(own.headers['access-control-allow-origin'], undefined);
});

test('the HTML carries a strict Content-Security-Policy and the hardening headers', async (t) => {
  const { server, ctx } = await start(t);
  const page = await send(server, '/');
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
  const csp = String(page.headers['content-security-policy']);
  for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "img-src 'self' data:", "object-src 'none'",
    "frame-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
  }
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:|\*/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  ctx.settings.set('allowRemoteImages', true);
  const allowed = String((await send(server, '/')).headers['content-security-policy']);
  assert.match(allowed, /img-src 'self' data: https: http:/);
  assert.match(allowed, /script-src 'self';/);
});

test('static paths cannot leave the renderer folder', async (t) => {
  const { server } = await start(t);
  assert.equal((await send(server, '/assets/app.js')).status, 200);
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html', '/%E0%A4%A']) {
    const reply = await send(server, path);
    assert.ok([400, 403, 404].includes(reply.status), `${path} → ${reply.status}`);
    assert.doesNotMatch(reply.body, /do not serve me/, path);
  }
  assert.equal((await send(server, '/nothing-here.js')).status, 404);
});

test('Server-Sent Events deliver what the engine emits', async (t) => {
  const { server, ctx } = await start(t);
  const received = await new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/event-stream/);
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes(': connected')) ctx.events.emit({ type: 'poll-progress', done: 1, total: 2, newArticles: 3 });
        const m = /^data: (.*)$/m.exec(text);
        if (m?.[1]) {
          req.destroy();
          resolve(m[1]);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
  assert.deepEqual(JSON.parse(received), { type: 'poll-progress', done: 1, total: 2, newArticles: 3 });
});
