// Raw capture (issue 13, item 4): a response kept as it came over the wire, for the evidence export. The status
// line and headers are rebuilt from Node's raw header list (names in the server's case and order, values as sent;
// only the whitespace around the colon is Node's), the body is the bytes on the wire with the transfer coding
// removed and the content coding (gzip, br…) kept: the WARC 1.1 payload. A body over the cap is cut and says so.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RawCapture } from '../model.ts';

export type { RawCapture };

/** Raw capture settings for one fetch; null or undefined means off. */
export interface CaptureOptions {
  /** Body bytes kept per response: the rest is dropped and the capture marked truncated. */
  maxBytes: number;
}

export const CAPTURE_DEFAULT_MAX_BYTES = 5 * 1024 * 1024;


export function requestHeadBytes(url: URL, headers: Record<string, string>): Uint8Array {
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

export function responseHeadBytes(res: IncomingMessage): Uint8Array {
  const lines = [`HTTP/${res.httpVersion} ${res.statusCode ?? 0} ${res.statusMessage ?? ''}`.trimEnd()];
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

/** Collects the wire bytes of one response up to the cap. */
export class CaptureBody {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private readonly maxBytes: number;
  truncated = false;
  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  add(chunk: Buffer): void {
    const room = this.maxBytes - this.kept;
    if (room <= 0) {
      this.truncated ||= chunk.length > 0;
      return;
    }
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (part.length < chunk.length) this.truncated = true;
    this.chunks.push(part);
    this.kept += part.length;
  }

  finish(base: Omit<RawCapture, 'body' | 'truncated' | 'sha256'>): RawCapture {
    const body = Buffer.concat(this.chunks);
    return { ...base, body, truncated: this.truncated, sha256: createHash('sha256').update(body).digest('hex') };
  }
}
