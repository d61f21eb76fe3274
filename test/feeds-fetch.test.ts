import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { fetchUrl, FetchError, hostPortOf } from '../electron/net/fetch.ts';
import { classifyAddress } from '../electron/net/address-guard.ts';
import { USER_AGENT } from '../electron/version.ts';
import { startFeedServer, serve, redirect, silent, rss2, type FeedServer } from './support/feed-server.ts';

async function server(t: import('node:test').TestContext, routes: Parameters<typeof startFeedServer>[0]): Promise<FeedServer> {
  const s = await startFeedServer(routes);
  t.after(() => s.close());
  return s;
}

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
    return err;
  }
  assert.fail('the fetch succeeded but should have failed');
}

const feed = rss2('Plain', [{ guid: 'a', title: 'A' }]);

test('a fetch returns bytes, status, headers and final URL, and names Footnote in its User-Agent', async (t) => {
  const s = await server(t, { '/feed': serve(feed, 'application/rss+xml', { etag: '"v1"' }), '/moved': redirect(301, '/feed') });
  const allow = { allowHostPort: hostPortOf(s.origin) };
  const r = await fetchUrl(s.url('/moved'), allow);
  assert.equal(r.status, 200);
  assert.equal(Buffer.from(r.bytes).toString(), feed);
  assert.equal(r.url, s.url('/feed'));
  assert.equal(r.permanentUrl, s.url('/feed'));
  assert.equal(r.headers['etag'], '"v1"');
  assert.equal(s.requestsTo('/feed')[0]?.headers['user-agent'], USER_AGENT);
  assert.match(USER_AGENT, /^Footnote\/\d+\.\d+\.\d+/);

  const again = await fetchUrl(s.url('/feed'), { ...allow, etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT' });
  assert.equal(again.status, 304);
  assert.equal(again.notModified, true);
  assert.equal(again.bytes.length, 0);
  const sent = s.requestsTo('/feed').at(-1)?.headers;
  assert.equal(sent?.['if-none-match'], '"v1"');
  assert.equal(sent?.['if-modified-since'], 'Tue, 24 Nov 2026 10:00:00 GMT');
});

test('a temporary redirect is followed but not reported as a new address', async (t) => {
  const s = await server(t, { '/feed': serve(feed), '/tmp': redirect(302, '/feed'), '/perm-then-tmp': redirect(308, '/tmp') });
  const allow = { allowHostPort: hostPortOf(s.origin) };
  assert.equal((await fetchUrl(s.url('/tmp'), allow)).permanentUrl, null);
  assert.equal((await fetchUrl(s.url('/perm-then-tmp'), allow)).permanentUrl, s.url('/tmp'));
});

test('gzip bodies are decompressed; a gzip bomb is stopped at the cap after decompression', async (t) => {
  const bomb = zlib.gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
  const s = await server(t, {
    '/gz': serve(feed, 'application/rss+xml', { gzip: true }),
    '/bomb': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb),
  });
  const allow = { allowHostPort: hostPortOf(s.origin) };
  const r = await fetchUrl(s.url('/gz'), allow);
  assert.equal(Buffer.from(r.bytes).toString(), feed);
  assert.ok(bomb.length < 64 * 1024, 'the compressed bomb is small on the wire');
  const err = await fetchError(fetchUrl(s.url('/bomb'), { ...allow, maxBytes: 1024 * 1024 }));
  assert.equal(err.kind, 'too_large');
  assert.equal(err.message, 'The response is larger than 1 MB; Footnote stopped reading it.');
});

test('a body over the cap fails, with or without a Content-Length', async (t) => {
  const big = 'x'.repeat(200_000);
  const s = await server(t, {
    '/declared': serve(big),
    '/chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 20; i++) res.write('y'.repeat(10_000));
      res.end();
    },
  });
  const opts = { allowHostPort: hostPortOf(s.origin), maxBytes: 50_000 };
  assert.equal((await fetchError(fetchUrl(s.url('/declared'), opts))).kind, 'too_large');
  const err = await fetchError(fetchUrl(s.url('/chunked'), opts));
  assert.equal(err.kind, 'too_large');
  assert.match(err.message, /larger than 48\.8 KB/);
});

test('redirect loops, too many redirects and redirects to other schemes fail in words', async (t) => {
  const s = await server(t, { '/a': redirect(302, '/b'), '/b': redirect(302, '/a'), '/ftp': redirect(301, 'ftp://files.example/feed') });
  const allow = { allowHostPort: hostPortOf(s.origin) };
  const loop = await fetchError(fetchUrl(s.url('/a'), allow));
  assert.equal(loop.kind, 'redirects');
  assert.match(loop.message, /^Too many redirects \(more than 5\)/);
  assert.equal(s.requests.length, 6);
  const ftp = await fetchError(fetchUrl(s.url('/ftp'), allow));
  assert.equal(ftp.kind, 'scheme');
  assert.match(ftp.message, /redirected to a ftp: address .* only fetches http and https/);
  assert.equal((await fetchError(fetchUrl('file:///etc/passwd'))).kind, 'scheme');
});

test('a server slower than the timeout fails with the time in the message', async (t) => {
  const s = await server(t, {
    '/silent': silent,
    '/stalls': (_req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.write('<rss>'); },
  });
  const allow = { allowHostPort: hostPortOf(s.origin) };
  const total = await fetchError(fetchUrl(s.url('/silent'), { ...allow, timeoutMs: 200, idleTimeoutMs: 5_000 }));
  assert.equal(total.kind, 'timeout');
  assert.equal(total.message, 'The server did not answer within 0.2 seconds.');
  const idle = await fetchError(fetchUrl(s.url('/stalls'), { ...allow, timeoutMs: 5_000, idleTimeoutMs: 200 }));
  assert.equal(idle.kind, 'idle');
  assert.equal(idle.message, 'The server stopped sending for 0.2 seconds.');
});

test('HTTP errors carry their status and Retry-After', async (t) => {
  const s = await server(t, { '/busy': (_q, res) => res.writeHead(429, { 'retry-after': '120' }).end() });
  const err = await fetchError(fetchUrl(s.url('/busy'), { allowHostPort: hostPortOf(s.origin) }));
  assert.equal(err.kind, 'http');
  assert.equal(err.status, 429);
  assert.equal(err.retryAfter, '120');
  assert.equal((await fetchError(fetchUrl(s.url('/missing'), { allowHostPort: hostPortOf(s.origin) }))).status, 404);
});

test('loopback and private destinations are refused unless they are the exact typed host and port', async (t) => {
  const s = await server(t, { '/feed': serve(feed), '/elsewhere': redirect(302, 'http://127.0.0.1:1/feed') });
  const refused = async (url: string, allowHostPort?: string): Promise<void> => {
    const err = await fetchError(fetchUrl(url, { allowHostPort }));
    assert.equal(err.kind, 'blocked_address', `${url}: ${err.message}`);
    assert.match(err.message, /network address; Footnote only fetches from the public internet/);
  };
  await refused(s.url('/feed'));
  await refused(`http://localhost:${s.port}/feed`); // a name: refused on the resolved address
  await refused(`http://0x7f.1:${s.port}/feed`);
  await refused(`http://2130706433:${s.port}/feed`);
  await refused(`http://017700000001:${s.port}/feed`);
  await refused(`http://[::ffff:127.0.0.1]:${s.port}/feed`);
  await refused(`http://[::1]:${s.port}/feed`);
  await refused(`http://127.0.0.1:${s.port + 1 === 65536 ? 1 : s.port + 1}/feed`, hostPortOf(s.origin)); // same host, other port
  // The exemption is the typed host and port exactly; a redirect from there to another local port is refused.
  assert.equal((await fetchUrl(s.url('/feed'), { allowHostPort: hostPortOf(s.origin) })).status, 200);
  await refused(s.url('/elsewhere'), hostPortOf(s.origin));
});

test('address classes cover private, loopback, link-local, unspecified, multicast, reserved and mapped forms', () => {
  const cases: [string, string][] = [
    ['8.8.8.8', 'public'], ['93.184.216.34', 'public'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'], ['100.64.0.1', 'private'], ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'], ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'reserved'], ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'], ['255.255.255.255', 'reserved'], ['198.51.100.7', 'reserved'],
    ['::', 'unspecified'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'], ['::ffff:8.8.8.8', 'public'], ['64:ff9b::a9fe:a9fe', 'link-local'], ['2002:c0a8:0101::1', 'private'],
    ['fc00::1', 'private'], ['fd12:3456::1', 'private'], ['fe80::1%eth0', 'link-local'], ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'], ['2606:4700:4700::1111', 'public'], ['[::1]', 'loopback'], ['not-an-ip', 'reserved'],
  ];
  for (const [ip, cls] of cases) assert.equal(classifyAddress(ip), cls, ip);
});

test('a stall of our own event loop is not blamed on the server', async (t) => {
  const s = await server(t, {
    '/slowish': (_req, res) => { setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late but fine'), 100); },
  });
  // Limits 15× the server's delay, so that a busy machine cannot make a healthy answer late, and the stall twice
  // the limits, so that the fetch would fail if the stall were charged to the server.
  const pending = fetchUrl(s.url('/slowish'), { allowHostPort: hostPortOf(s.origin), timeoutMs: 1500, idleTimeoutMs: 1500 });
  // Block this process for 3 s, as a long synchronous parse or ingest of another feed would: the server
  // answered after 100 ms, so the fetch must succeed although 3 s of wall time have passed.
  await new Promise((r) => setTimeout(r, 20));
  const until = Date.now() + 3000;
  while (Date.now() < until) { /* a synchronous stall */ }
  const r = await pending;
  assert.equal(Buffer.from(r.bytes).toString(), 'late but fine');
});

test('a server that hangs up says so: before answering, and in the middle of the body', async (t) => {
  const s = await server(t, {
    '/hangup': (req) => { req.socket.destroy(); },
    '/cut': (_req, res) => { res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' }); res.write('partial'); setTimeout(() => res.socket?.destroy(), 20); },
  });
  const allow = { allowHostPort: hostPortOf(s.origin) };
  const before = await fetchError(fetchUrl(s.url('/hangup'), allow));
  assert.equal(before.message, `The server at ${s.host}:${s.port} did not answer: it closed the connection.`);
  const during = await fetchError(fetchUrl(s.url('/cut'), allow));
  assert.equal(during.message, `The connection to ${s.host}:${s.port} was cut off.`);
});
