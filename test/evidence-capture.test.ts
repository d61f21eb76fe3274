// Raw capture (issue 13, item 4): the final response's head and wire bytes kept as received, gzip kept gzip,
// cut at the cap and marked, a 404 kept as evidence, and nothing kept when the setting is off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { fetchUrl, FetchError, hostPortOf } from '../electron/net/fetch.ts';
import { startFeedServer, serve, redirect } from './support/feed-server.ts';

test('the final response is kept as received: status line, headers in the server\'s case, gzip body as sent, SHA-256', async (t) => {
  const page = '<html><body><p>Hello, capture.</p></body></html>';
  const gz = zlib.gzipSync(Buffer.from(page));
  const s = await startFeedServer({
    '/gz': (_req, res) => { res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'X-Custom-Case': 'Yes' }); res.end(gz); },
    '/moved': redirect(302, '/gz'),
    '/gone': (_req, res) => { res.writeHead(404, { 'Content-Type': 'text/html' }); res.end('<h1>Page not found</h1>'); },
    '/big': serve('x'.repeat(10_000), 'text/plain'),
  });
  t.after(() => s.close());
  const opts = { allowHostPort: hostPortOf(s.origin), capture: { maxBytes: 4096 } };
  const r = await fetchUrl(s.url('/moved'), opts);
  assert.equal(Buffer.from(r.bytes).toString(), page);
  const c = r.capture;
  assert.ok(c);
  assert.equal(c.url, s.url('/moved'));
  assert.equal(c.finalUrl, s.url('/gz'));
  assert.equal(c.status, 200);
  assert.deepEqual(Buffer.from(c.body), gz, 'the body keeps its content coding');
  assert.equal(c.sha256, createHash('sha256').update(gz).digest('hex'));
  assert.equal(c.truncated, false);
  const head = Buffer.from(c.responseHead).toString('latin1');
  assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(head, /\r\nX-Custom-Case: Yes\r\n/);
  assert.ok(head.endsWith('\r\n\r\n'));
  assert.match(Buffer.from(c.requestHead).toString('latin1'), /^GET \/gz HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\n/);
  assert.ok(!Number.isNaN(Date.parse(c.fetchedAt)) && c.fetchedAt.endsWith('Z'));

  const big = await fetchUrl(s.url('/big'), opts);
  assert.equal(big.bytes.length, 10_000, 'the cap limits what is kept, never what is read');
  assert.equal(big.capture?.body.length, 4096);
  assert.equal(big.capture?.truncated, true);

  const err = await fetchUrl(s.url('/gone'), opts).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof FetchError && err.status === 404);
  assert.equal(Buffer.from(err.capture?.body ?? []).toString(), '<h1>Page not found</h1>');
  assert.match(Buffer.from(err.capture?.responseHead ?? []).toString('latin1'), /^HTTP\/1\.1 404 Not Found\r\n/);

  const off = await fetchUrl(s.url('/gz'), { allowHostPort: hostPortOf(s.origin) });
  assert.equal(off.capture, null);
});
