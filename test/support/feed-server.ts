// A real HTTP server on 127.0.0.1 (port 0) serving fixture feeds, for the fetch, poll, discover and CLI tests.
// Routes can be replaced while it runs (a feed that changes); every request is recorded for assertions on what
// the client sent (If-None-Match, User-Agent) and how many were in flight at once.
import http from 'node:http';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface FeedServer {
  origin: string;
  host: string;
  port: number;
  url: (path: string) => string;
  route: (path: string, handler: Handler) => void;
  requests: RecordedRequest[];
  requestsTo: (path: string) => RecordedRequest[];
  maxInFlight: () => number;
  close: () => Promise<void>;
}

export interface FixtureItem {
  guid?: string;
  title: string;
  link?: string;
  description?: string;
  pubDate?: string;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss2(title: string, items: FixtureItem[], extra = '', prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  const body = items.map((i) => `<item>${i.guid ? `<guid isPermaLink="false">${xmlEscape(i.guid)}</guid>` : ''}<title>${xmlEscape(i.title)}</title>`
    + `${i.link ? `<link>${xmlEscape(i.link)}</link>` : ''}<description>${xmlEscape(i.description ?? `<p>${i.title}</p>`)}</description>`
    + `<pubDate>${i.pubDate ?? 'Tue, 24 Nov 2026 10:00:00 GMT'}</pubDate></item>`).join('\n');
  return `${prolog}\n<rss version="2.0"><channel><title>${xmlEscape(title)}</title><link>https://news.example/</link><description>d</description>${extra}\n${body}\n</channel></rss>`;
}

export function atom(title: string, entries: { id: string; title: string; link: string; content: string }[]): string {
  const body = entries.map((e) => `<entry><id>${e.id}</id><title>${xmlEscape(e.title)}</title><link href="${e.link}"/>`
    + `<updated>2026-11-24T10:00:00Z</updated><content type="html">${xmlEscape(e.content)}</content></entry>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlEscape(title)}</title><id>urn:feed</id>`
    + `<updated>2026-11-24T10:00:00Z</updated><link href="https://atom.example/"/>\n${body}\n</feed>`;
}

export function rdf(title: string, items: { about: string; title: string; description: string }[]): string {
  const body = items.map((i) => `<item rdf:about="${i.about}"><title>${xmlEscape(i.title)}</title><link>${i.about}</link><description>${xmlEscape(i.description)}</description></item>`).join('\n');
  return `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">`
    + `<channel rdf:about="https://rdf.example/"><title>${xmlEscape(title)}</title><link>https://rdf.example/</link><description>d</description></channel>\n${body}\n</rdf:RDF>`;
}

export function jsonFeed(title: string, items: { id: string; title: string; url: string; content_html: string }[]): string {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, home_page_url: 'https://json.example/', items });
}

/** Serves `body` with a content type, optionally gzip-compressed and with an ETag honoured by If-None-Match. */
export function serve(body: string | Uint8Array, contentType = 'application/rss+xml; charset=utf-8', opts: { etag?: string; gzip?: boolean; status?: number; headers?: Record<string, string> } = {}): Handler {
  return (req, res) => {
    if (opts.etag && req.headers['if-none-match'] === opts.etag) {
      res.writeHead(304, { etag: opts.etag }).end();
      return;
    }
    let bytes: Uint8Array = typeof body === 'string' ? Buffer.from(body) : body;
    const headers: Record<string, string> = { 'content-type': contentType, ...opts.headers };
    if (opts.etag) headers['etag'] = opts.etag;
    if (opts.gzip) {
      bytes = zlib.gzipSync(bytes);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(opts.status ?? 200, headers).end(bytes);
  };
}

export function redirect(status: number, location: string): Handler {
  return (_req, res) => res.writeHead(status, { location }).end();
}

export function status(code: number, headers: Record<string, string> = {}): Handler {
  return (_req, res) => res.writeHead(code, { 'content-type': 'text/plain', ...headers }).end(`status ${code}`);
}

/** Never answers until the server closes: slower than any timeout. */
export const silent: Handler = () => {};

export function win1251(text: string): Buffer {
  return iconv.encode(text, 'win1251');
}

export async function startFeedServer(routes: Record<string, Handler> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const handler = table.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: '127.0.0.1',
    port,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => table.set(path, handler),
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    maxInFlight: () => maxInFlight,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
