// HTTP GET with limits, for feeds and (later) article pages: a total and an idle timeout, a body cap counted on
// the wire and again after decompression, at most 5 redirects over http/https only, conditional GET, and a
// connect-time check of the resolved address (address-guard.ts).
//
// Built on node:http/https rather than undici or fetch(): the custom `lookup` hook on the socket is the one
// place where the address actually connected to can be checked (DNS rebinding included), and decompressing
// ourselves with node:zlib streams lets the cap stop a gzip bomb after 20 MB instead of after it has inflated.
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { USER_AGENT } from '../version.ts';
import { refusalReason } from './address-guard.ts';
import { ServerClock, tickFor } from './server-clock.ts';

export type FetchErrorKind =
  | 'bad_url' | 'scheme' | 'blocked_address' | 'timeout' | 'idle' | 'too_large' | 'redirects'
  | 'dns' | 'network' | 'http' | 'decompress' | 'aborted';

/** A failed fetch, with a message a user can act on. `status` and `retryAfter` are set for HTTP errors. */
export class FetchError extends Error {
  override name = 'FetchError';
  readonly kind: FetchErrorKind;
  readonly url: string;
  readonly status: number | null;
  readonly retryAfter: string | null;
  constructor(kind: FetchErrorKind, url: string, message: string, status: number | null = null, retryAfter: string | null = null) {
    super(message);
    this.kind = kind;
    this.url = url;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export interface FetchOptions {
  /** Stored validators of the last good response: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  idleTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** 'host:port' that may be a loopback or private address: the one the user typed (feed bridges on localhost). */
  allowHostPort?: string | null;
  accept?: string;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** 2xx, or 304 when the conditional GET says nothing changed (then `bytes` is empty). */
  status: number;
  notModified: boolean;
  headers: Record<string, string>;
  /** Where the bytes came from, after redirects. */
  url: string;
  /** Where a chain of permanent redirects (301/308) from the start led, or null: the new address to store. */
  permanentUrl: string | null;
  bytes: Uint8Array;
}

export const FETCH_DEFAULTS = { timeoutMs: 30_000, idleTimeoutMs: 10_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 };

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

/** 'host:port' of a URL, the port filled in from the scheme: what `allowHostPort` is compared with. */
export function hostPortOf(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const opts = { ...FETCH_DEFAULTS, ...options };
  let current = parseHttpUrl(url, url);
  let permanentUrl: string | null = null;
  let permanentChain = true;
  const clock = new ServerClock(tickFor(opts.timeoutMs, opts.idleTimeoutMs));
  for (let redirects = 0; ; redirects++) {
    const hop = await requestOnce(current, opts, clock);
    if (hop.kind === 'response') return { ...hop.result, permanentUrl };
    if (redirects >= opts.maxRedirects) {
      throw new FetchError('redirects', url, `Too many redirects (more than ${opts.maxRedirects}), last to ${hop.location}.`);
    }
    const next = parseHttpUrl(hop.location, url, current);
    permanentChain &&= hop.status === 301 || hop.status === 308;
    if (permanentChain) permanentUrl = next.href;
    current = next;
  }
}

function parseHttpUrl(text: string, original: string, base?: URL): URL {
  let u: URL;
  try {
    u = new URL(text, base);
  } catch {
    throw new FetchError('bad_url', original, `"${text}" is not a valid web address.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    const what = base ? `The server redirected to a ${u.protocol} address (${u.href})` : `"${text}" is a ${u.protocol} address`;
    throw new FetchError('scheme', original, `${what}; Footnote only fetches http and https.`);
  }
  return u;
}

type Hop = { kind: 'response'; result: Omit<FetchResult, 'permanentUrl'> } | { kind: 'redirect'; status: number; location: string };

type Opts = typeof FETCH_DEFAULTS & FetchOptions;

function requestOnce(url: URL, opts: Opts, clock: ServerClock): Promise<Hop> {
  const exempt = opts.allowHostPort != null && hostPortOf(url) === opts.allowHostPort;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!exempt && isIP(host) !== 0) {
    // An IP literal never goes through `lookup`: check it here. The URL parser has already turned 0x7f.1,
    // 2130706433 and 017700000001 into 127.0.0.1.
    const reason = refusalReason(host, host);
    if (reason) return Promise.reject(new FetchError('blocked_address', url.href, reason));
  }
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: opts.accept ?? FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    let gotHeaders = false;
    let decoder: Transform | null = null;
    // One ticker checks both limits on the server's clock (total across redirects, idle since the last bytes).
    let idleMark = clock.advance();
    const ticker = setInterval(() => {
      const spent = clock.advance();
      if (spent >= opts.timeoutMs) {
        fail(new FetchError('timeout', url.href, gotHeaders
          ? `The server did not finish sending within ${seconds(opts.timeoutMs)}.`
          : `The server did not answer within ${seconds(opts.timeoutMs)}.`));
      } else if (spent - idleMark >= opts.idleTimeoutMs) {
        fail(new FetchError('idle', url.href, gotHeaders
          ? `The server stopped sending for ${seconds(opts.idleTimeoutMs)}.`
          : `The server did not answer within ${seconds(opts.idleTimeoutMs)}.`));
      }
    }, clock.tickMs);
    const touch = (): void => {
      idleMark = clock.advance();
    };
    const onAbort = (): void => fail(new FetchError('aborted', url.href, 'The fetch was cancelled.'));
    const cleanup = (): void => {
      settled = true;
      clearInterval(ticker);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    function fail(err: FetchError): void {
      if (settled) return;
      cleanup();
      req.destroy();
      decoder?.destroy();
      reject(err);
    }
    function succeed(hop: Hop): void {
      if (settled) return;
      cleanup();
      resolve(hop);
    }

    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method: 'GET', headers, agent: false, lookup: exempt ? undefined : guardedLookup(url.href) });
    if (opts.signal?.aborted) {
      onAbort();
      return;
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    touch();
    req.on('error', (err) => fail(err instanceof FetchError ? err : networkError(url, err as NodeJS.ErrnoException, gotHeaders)));
    req.on('response', (res) => {
      gotHeaders = true;
      touch();
      const status = res.statusCode ?? 0;
      const flat = flattenHeaders(res.headers);
      const location = flat['location'];
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        res.resume();
        succeed({ kind: 'redirect', status, location });
        return;
      }
      if (status === 304) {
        res.resume();
        succeed({ kind: 'response', result: { status, notModified: true, headers: flat, url: url.href, bytes: new Uint8Array(0) } });
        return;
      }
      if (status < 200 || status > 299) {
        res.resume();
        fail(new FetchError('http', url.href, httpStatusMessage(status), status, flat['retry-after'] ?? null));
        return;
      }
      const declared = Number(flat['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        fail(tooLarge(url, opts.maxBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let wireBytes = 0;
      let bodyBytes = 0;
      const keep = (chunk: Buffer): void => {
        if (settled) return;
        bodyBytes += chunk.length;
        if (bodyBytes > opts.maxBytes) fail(tooLarge(url, opts.maxBytes));
        else chunks.push(chunk);
      };
      const done = (): void => succeed({ kind: 'response', result: { status, notModified: false, headers: flat, url: url.href, bytes: Buffer.concat(chunks) } });
      decoder = decompressorFor(flat['content-encoding']);
      if (decoder) {
        decoder.on('data', keep);
        decoder.on('end', done);
        decoder.on('error', (err) => fail(new FetchError('decompress', url.href, `The server sent a damaged compressed body (${err.message}).`)));
      }
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        touch();
        wireBytes += chunk.length;
        if (wireBytes > opts.maxBytes) fail(tooLarge(url, opts.maxBytes));
        else if (decoder) decoder.write(chunk);
        else keep(chunk);
      });
      res.on('end', () => (decoder ? decoder.end() : done()));
      res.on('error', (err) => fail(networkError(url, err as NodeJS.ErrnoException, true)));
    });
    req.end();
  });
}

/** Resolves, then refuses addresses that are not public (the check happens on what the socket connects to). */
function guardedLookup(href: string): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      const allowed = addresses.filter((a) => refusalReason(hostname, a.address) === null);
      const first = allowed[0];
      if (!first) {
        const reason = refusalReason(hostname, addresses[0]?.address ?? '') ?? `${hostname} has no address.`;
        callback(new FetchError('blocked_address', href, reason), '', 0);
        return;
      }
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

/** gzip, deflate (zlib-wrapped or raw, both seen in the wild) and brotli; null when the body is not encoded. */
function decompressorFor(encoding: string | undefined): Transform | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'br') return zlib.createBrotliDecompress();
  if (e === 'deflate') return zlib.createUnzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }) as Transform;
  return null;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function tooLarge(url: URL, max: number): FetchError {
  return new FetchError('too_large', url.href, `The response is larger than ${formatBytes(max)}; Footnote stopped reading it.`);
}

export function httpStatusMessage(status: number): string {
  if (status === 404) return 'Nothing was found at this address (HTTP 404); check the URL.';
  if (status === 410) return 'The server says this feed is gone for good (HTTP 410).';
  if (status === 401 || status === 403) return `The server refused access (HTTP ${status}).`;
  if (status === 429) return 'The server says there were too many requests (HTTP 429).';
  if (status === 503) return 'The server is unavailable for now (HTTP 503).';
  if (status >= 500) return `The server had an error (HTTP ${status}).`;
  return `The server answered with HTTP ${status}.`;
}

function networkError(url: URL, err: NodeJS.ErrnoException, answered: boolean): FetchError {
  const where = url.host;
  switch (err.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new FetchError('dns', url.href, `The address ${url.hostname} could not be found (no DNS answer).`);
    case 'ECONNREFUSED':
      return new FetchError('network', url.href, `The server at ${where} refused the connection.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new FetchError('network', url.href, answered
        ? `The connection to ${where} was cut off.`
        : `The server at ${where} did not answer: it closed the connection.`);
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return new FetchError('network', url.href, `The server at ${where} could not be reached.`);
    default:
      if (err.code?.startsWith('ERR_TLS') || /certificate|SSL/i.test(err.message)) {
        return new FetchError('network', url.href, `The secure connection to ${where} failed: ${err.message}.`);
      }
      return new FetchError('network', url.href, `The connection to ${where} failed: ${err.message}.`);
  }
}
