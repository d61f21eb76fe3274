// A tiny feed server on 127.0.0.1 for the browser tests: feeds are set per path while it runs, and a delay can
// hold a response so that the UI's progress bar is visible long enough to be seen.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalFeeds {
  origin: string;
  url: (path: string) => string;
  set: (path: string, body: string, type?: string) => void;
  delayMs: number;
  close: () => Promise<void>;
}

export interface Item { guid: string; title: string; link: string; html: string; date: Date }

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: Item[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>http://127.0.0.1/</link>`
    + `<description>test feed</description>${items.map((i) => `<item><guid isPermaLink="false">${esc(i.guid)}</guid><title>${esc(i.title)}</title>`
    + `<link>${esc(i.link)}</link><description>${esc(i.html)}</description><pubDate>${i.date.toUTCString()}</pubDate></item>`).join('\n')}</channel></rss>`;
}

export async function startLocalFeeds(): Promise<LocalFeeds> {
  const routes = new Map<string, { body: string; type: string }>();
  const state = { delayMs: 0 };
  const server = http.createServer((req, res) => {
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    const reply = () => {
      if (!route) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': route.type });
      res.end(route.body);
    };
    if (route && state.delayMs > 0) setTimeout(reply, state.delayMs); // only feeds wait: unknown pages 404 at once
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    set: (path, body, type = 'application/rss+xml; charset=utf-8') => routes.set(path, { body, type }),
    get delayMs() { return state.delayMs; },
    set delayMs(v: number) { state.delayMs = v; },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
