// The manifest beside an evidence WARC: for each article its URL, final URL, fetch times and SHA-256 digests, as
// JSON (one array) and CSV (one row per fetch, a row with empty fetch columns for an article never fetched), so
// a reader can check the WARC against the list without a WARC tool. Written as it goes: one entry in memory.
import { endFile as end, openFile as open, writeChunk as write } from './streams.ts';
import { csvField } from '../text/csv.ts';

export interface ManifestFetch {
  url: string;
  finalUrl: string;
  /** ISO 8601 instant in UTC. */
  fetchedAt: string;
  /** HTTP status, null for a body kept without its response head. */
  status: number | null;
  /** Hex SHA-256 of the body bytes (the WARC payload): `sha256sum` of the stored bytes gives the same. */
  sha256: string;
  size: number;
  /** Cut at the per-response size cap when it was fetched. */
  truncated: boolean;
  /** The WARC record holding these bytes. */
  recordId: string;
}

export interface ManifestEntry {
  articleId: number;
  url: string;
  /** The final URL of the latest fetch; null when the article was never fetched. */
  finalUrl: string | null;
  title: string | null;
  /** SHA-256 of the latest version's stored text (the `versions` contract's sha256). */
  textSha256: string | null;
  deleted: boolean;
  metadataRecordId: string;
  fetches: ManifestFetch[];
}

export interface ManifestWriter {
  add(entry: ManifestEntry): Promise<void>;
  close(): Promise<void>;
}

export const MANIFEST_CSV_COLUMNS = ['article_id', 'url', 'final_url', 'title', 'text_sha256', 'deleted', 'fetched_at', 'fetch_url',
  'fetch_final_url', 'status', 'sha256', 'size', 'truncated', 'warc_record_id', 'metadata_record_id'];

/** A writer for either manifest, both or none (a null path writes nothing). */
export async function openManifest(jsonPath: string | null, csvPath: string | null): Promise<ManifestWriter> {
  const json = jsonPath ? await open(jsonPath) : null;
  const csv = csvPath ? await open(csvPath) : null;
  let first = true;
  let closed = false;
  if (json) await write(json, '[');
  // A byte-order mark so that spreadsheet programs read the UTF-8 (titles in Cyrillic, Chinese…).
  if (csv) await write(csv, `\uFEFF${MANIFEST_CSV_COLUMNS.join(',')}\r\n`);
  return {
    async add(entry) {
      if (json) {
        await write(json, `${first ? '\n' : ',\n'}${JSON.stringify(entry)}`);
        first = false;
      }
      if (csv) await write(csv, csvRows(entry));
    },
    async close() {
      if (closed) return;
      closed = true;
      if (json) {
        await write(json, first ? ']\n' : '\n]\n');
        await end(json);
      }
      if (csv) await end(csv);
    },
  };
}

function csvRows(e: ManifestEntry): string {
  const article = [String(e.articleId), e.url, e.finalUrl ?? '', e.title ?? '', e.textSha256 ?? '', e.deleted ? 'yes' : 'no'];
  const tail = [e.metadataRecordId];
  const rows = e.fetches.length === 0
    ? [[...article, '', '', '', '', '', '', '', '', ...tail]]
    : e.fetches.map((f) => [...article, f.fetchedAt, f.url, f.finalUrl, f.status === null ? '' : String(f.status), f.sha256, String(f.size), f.truncated ? 'yes' : 'no', f.recordId, ...tail]);
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
