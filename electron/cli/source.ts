// What `parse` and `extract` read: a local file, or a URL the user typed, fetched under the feed limits.
import { readFile } from 'node:fs/promises';
import { fetchUrl, hostPortOf } from '../net/fetch.ts';

export interface Source { bytes: Uint8Array; contentType: string | null; url: string | null }

/** `what` names the expected content in errors ("a feed file", "an HTML page"). */
export async function readSource(target: string, what: string, accept?: string): Promise<Source> {
  if (/^https?:\/\//i.test(target)) {
    // The user typed this address, so a server on localhost or the LAN is fine.
    const res = await fetchUrl(target, { allowHostPort: hostPortOf(target), ...(accept ? { accept } : {}) });
    return { bytes: res.bytes, contentType: res.headers['content-type'] ?? null, url: res.url };
  }
  try {
    return { bytes: await readFile(target), contentType: null, url: null };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${target}: no such file`);
    if (code === 'EISDIR') throw new Error(`${target} is a folder, not ${what}`);
    throw new Error(`${target}: cannot be read (${(err as Error).message})`);
  }
}
