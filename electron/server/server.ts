// Web mode: the built renderer and the API over HTTP on 127.0.0.1 only. Every other page open in the user's
// browser can reach this port, so each /api/ request must carry the per-run token, the Host must be ours (DNS
// rebinding), a foreign Origin is refused and no CORS header is ever sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { invoke, ApiError, type ApiContext } from '../api/methods.ts';
import type { ApiErrorCode } from '../api/define.ts';
import { contentSecurityPolicy } from './csp.ts';

export interface ServerOptions {
  ctx: ApiContext;
  /** The folder `vite build` wrote (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 32 * 1024 * 1024; // an OPML import is the largest body the UI sends
const SSE_KEEPALIVE_MS = 25_000;

const statusOf: Record<ApiErrorCode, number> = { bad_request: 400, not_found: 404, conflict: 409, failed: 500 };

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function baseHeaders(ctx: ApiContext): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ allowRemoteImages: ctx.settings.get('allowRemoteImages') }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function sendJson(res: ServerResponse, ctx: ApiContext, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, { ...baseHeaders(ctx), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, ctx: ApiContext, status: number, code: string, error: string): void {
  sendJson(res, ctx, status, { error, code });
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1] ?? null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError('bad_request', `Request body over ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts web mode; resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { ctx } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const root = resolve(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = (): Set<string> => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/events') {
      if (!sameToken(url.searchParams.get('token') ?? bearer(req), token)) return sendError(res, ctx, 401, 'unauthorized', 'Missing or wrong access token.');
      if (req.method !== 'GET') return sendError(res, ctx, 405, 'bad_request', 'Use GET for /api/events.');
      return openEventStream(req, res);
    }
    if (!sameToken(bearer(req), token)) return sendError(res, ctx, 401, 'unauthorized', 'Missing or wrong access token.');
    if (req.method !== 'POST') return sendError(res, ctx, 405, 'bad_request', 'Use POST with a JSON body for API calls.');
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) return sendError(res, ctx, 415, 'bad_request', 'The body must be application/json.');
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return sendError(res, ctx, 400, 'bad_request', 'Malformed method name in the path.');
    }
    let args: unknown;
    try {
      const body = await readBody(req);
      args = body.trim() === '' ? {} : JSON.parse(body);
    } catch (err) {
      const message = err instanceof ApiError ? err.message : `The body is not valid JSON (${(err as Error).message}).`;
      return sendError(res, ctx, 400, 'bad_request', message);
    }
    try {
      sendJson(res, ctx, 200, await invoke(ctx, name, args));
    } catch (err) {
      if (err instanceof ApiError) return sendError(res, ctx, statusOf[err.code], err.code, err.message);
      sendError(res, ctx, 500, 'failed', (err as Error).message ?? String(err));
    }
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...baseHeaders(ctx), 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const off = ctx.events.on((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), SSE_KEEPALIVE_MS);
    keepalive.unref();
    req.on('close', () => {
      off();
      clearInterval(keepalive);
      streams.delete(res);
    });
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, ctx, 405, 'bad_request', 'Only GET is served here.');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return sendError(res, ctx, 400, 'bad_request', 'Malformed path.');
    }
    if (path.includes('\0')) return sendError(res, ctx, 400, 'bad_request', 'Malformed path.');
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    // resolve() has already collapsed every "..": whatever lands outside the renderer folder is refused.
    if (file !== root && !file.startsWith(root + sep)) return sendError(res, ctx, 403, 'forbidden', 'Path outside the app.');
    let body: Buffer;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      body = await readFile(file);
    } catch {
      return sendError(res, ctx, 404, 'not_found', `No such file: ${path}`);
    }
    res.writeHead(200, { ...baseHeaders(ctx), 'Content-Type': mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return sendError(res, ctx, 403, 'forbidden', 'Wrong Host header: open the address footnote serve printed.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return sendError(res, ctx, 403, 'forbidden', 'Requests from other sites are refused.');
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const handler = url.pathname.startsWith('/api/') ? serveApi : serveStatic;
    handler(req, res, url).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, ctx, 500, 'failed', (err as Error).message ?? String(err));
      else res.destroy();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://${HOST}:${port}/#token=${token}`,
    close: () => new Promise<void>((resolveClose) => {
      for (const s of streams) s.end();
      server.close(() => resolveClose());
      server.closeAllConnections();
    }),
  };
}
