// The evidence export (issue 13, item 4): a WARC 1.1 file an investigator can cite. For every stored fetch of an
// article, a `request` and a `response` record holding the bytes as sent and received; per article, one
// `metadata` record (JSON: versions, labels with their evidence sentences and offsets, tags, reviews, deletion).
// Records are written with warcio.js (Webrecorder's WARC library): gzip per record when the file name ends in
// `.gz`, every record with its WARC-Block-Digest and WARC-Payload-Digest (`sha256:` and lower-case hex, warcio's
// form and the common one for SHA-256), WARC-Date in UTC, WARC-Target-URI, and request→response
// WARC-Concurrent-To and metadata→response WARC-Refers-To links. One record is in memory at a time: an export of
// any size streams to disk with backpressure, into FILE.part, renamed to FILE only when complete.
import { createHash, randomUUID } from 'node:crypto';
import { renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import { WARC_1_1, WARCRecord, WARCSerializer, type WARCType } from 'warcio';
import type { ContractLabel, VersionSummary } from '../articles/versions.ts';
import type { LabelRecord } from '../store/records.ts';
import { endFile, openFile, writeChunk } from './streams.ts';
import { openManifest, type ManifestEntry, type ManifestFetch } from './manifest.ts';

/** One stored fetch of an article's page, with what went over the wire. */
export interface EvidenceFetch {
  /** What was asked for (the article's link, or a step of its redirects). */
  url: string;
  /** Where the bytes came from, after redirects: the records' WARC-Target-URI. */
  finalUrl: string;
  /** When the response arrived, an ISO 8601 instant. */
  fetchedAt: string;
  /** The request line and headers as sent, CRLF line ends, the blank line included; null when not kept. */
  requestHead: Uint8Array | null;
  /** The status line and headers as received, the blank line included; null for a fetch kept before raw
   * capture: then the body is written as a `resource` record, which claims nothing about headers. */
  responseHead: Uint8Array | null;
  /** The body as received: transfer coding removed, content coding (gzip…) kept, as the WARC spec's payload. */
  body: Uint8Array;
  /** For a `resource` record (no response head): the stored Content-Type. */
  contentType?: string | null;
  /** The address the connection went to, when known (WARC-IP-Address). */
  ipAddress?: string | null;
  /** True when the body was cut at the per-response size cap: the record says so (`WARC-Truncated: length`). */
  truncated?: boolean;
}

/** A label as the evidence shows it: where in which text, and what the analyst said of it (the stored label
 * record without its row ids, plus the canonical entity the new detector gives). */
export type EvidenceLabel = Omit<LabelRecord, 'id' | 'articleId'> & Pick<ContractLabel, 'canonical'>;

/** An analyst's verdict on the article or on one of its labels. */
export interface EvidenceReview {
  subject: string;
  verdict: string;
  note: string | null;
  at: string;
}

export interface EvidenceDeletion {
  at: string;
  reason: string;
  /** The fetch that showed it (its status and final address). */
  status: number | null;
  finalUrl: string | null;
}

/** What the metadata record says of an article beside its fetches. */
export interface ArticleEvidence {
  title: string | null;
  feedUrl: string | null;
  versions: VersionSummary[];
  labels: EvidenceLabel[];
  tags: string[];
  reviews: EvidenceReview[];
  deletion: EvidenceDeletion | null;
}

export interface EvidenceArticle {
  id: number;
  url: string;
  /** Oldest first; read one at a time, so the store can hand them over lazily. */
  fetches: Iterable<EvidenceFetch> | AsyncIterable<EvidenceFetch>;
  evidence: ArticleEvidence;
}

export interface EvidenceExportOptions {
  /** The WARC file: gzip per record when it ends in `.gz`. */
  warcPath: string;
  manifestJsonPath?: string | null;
  manifestCsvPath?: string | null;
  /** Names the program in the warcinfo record ("Footnote 0.1.0"). */
  software: string;
  /** Who made the export, when the analyst says (warcinfo `operator`). */
  operator?: string | null;
}

export interface EvidenceExportResult {
  articles: number;
  fetches: number;
  records: number;
  bytes: number;
}

const WARC_FORMAT = 'WARC File Format 1.1';
const WARC_SPEC = 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/';

/** `sha256:` and lower-case hex: the labelled digest warcio writes for SHA-256 (WARC 1.1 §5.8, §5.9). */
export function warcDigest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Writes every article's evidence, then the manifests; returns counts. Throws (naming the article) on failure,
 * leaving no half-written file under the requested names. */
export async function exportEvidence(options: EvidenceExportOptions, articles: Iterable<EvidenceArticle> | AsyncIterable<EvidenceArticle>): Promise<EvidenceExportResult> {
  const parts = [options.warcPath, options.manifestJsonPath, options.manifestCsvPath].filter((p): p is string => Boolean(p));
  const warc = await WarcEvidenceWriter.open(`${options.warcPath}.part`, options);
  const manifest = await openManifest(
    options.manifestJsonPath ? `${options.manifestJsonPath}.part` : null,
    options.manifestCsvPath ? `${options.manifestCsvPath}.part` : null,
  );
  let count = 0;
  let fetches = 0;
  try {
    for await (const article of articles) {
      const entry = await warc.addArticle(article);
      await manifest.add(entry);
      count++;
      fetches += entry.fetches.length;
    }
    const { records, bytes } = await warc.close();
    await manifest.close();
    for (const p of parts) renameSync(`${p}.part`, p);
    return { articles: count, fetches, records, bytes };
  } catch (err) {
    await Promise.allSettled([warc.close(), manifest.close()]);
    for (const p of parts) rmSync(`${p}.part`, { force: true });
    throw err;
  }
}

/** Appends evidence records to one WARC file, one record in memory at a time. */
export class WarcEvidenceWriter {
  private records = 0;
  private closed = false;
  private readonly out: WriteStream;
  private readonly gzip: boolean;
  private readonly warcinfoId: string;
  private readonly exportedAt = new Date().toISOString();

  private constructor(out: WriteStream, gzip: boolean, warcinfoId: string) {
    this.out = out;
    this.gzip = gzip;
    this.warcinfoId = warcinfoId;
  }

  /** Opens `path` (gzip when `options.warcPath` ends in `.gz`) and writes the warcinfo record. */
  static async open(path: string, options: Pick<EvidenceExportOptions, 'warcPath' | 'software' | 'operator'>): Promise<WarcEvidenceWriter> {
    const out = await openFile(path);
    const writer = new WarcEvidenceWriter(out, options.warcPath.endsWith('.gz'), recordId());
    const info: Record<string, string> = { software: options.software, format: WARC_FORMAT, conformsTo: WARC_SPEC };
    if (options.operator) info['operator'] = options.operator;
    info['description'] = 'Evidence export: each stored fetch as request and response records, one metadata record per article.';
    const warcinfo = await WARCRecord.createWARCInfo({
      filename: basename(options.warcPath), warcVersion: WARC_1_1, warcHeaders: [['WARC-Record-ID', writer.warcinfoId]],
    }, info);
    await writer.write(warcinfo);
    return writer;
  }

  /** The article's fetches (request, response) then its metadata record; the manifest entry for it. */
  async addArticle(article: EvidenceArticle): Promise<ManifestEntry> {
    try {
      const fetches: ManifestFetch[] = [];
      let lastResponse: string | null = null;
      for await (const f of article.fetches) {
        const recorded = await this.addFetch(f);
        lastResponse = recorded.recordId;
        fetches.push(recorded);
      }
      const metadataId = recordId();
      const json = JSON.stringify({ articleId: article.id, url: article.url, fetches: fetches.map((f) => ({ recordId: f.recordId, fetchedAt: f.fetchedAt, sha256: f.sha256 })), ...article.evidence }, null, 2);
      const headers: [string, string][] = [['WARC-Record-ID', metadataId], ['Content-Type', 'application/json']];
      if (lastResponse) headers.push(['WARC-Refers-To', lastResponse]);
      const latest = fetches[fetches.length - 1];
      // Dated by the export: the record states versions, labels and reviews as they stand now.
      await this.write(this.record('metadata', article.url, this.exportedAt, headers, [new TextEncoder().encode(json)]));
      const versions = article.evidence.versions;
      return {
        articleId: article.id,
        url: article.url,
        finalUrl: latest?.finalUrl ?? null,
        title: article.evidence.title,
        textSha256: versions[versions.length - 1]?.sha256 ?? null,
        deleted: article.evidence.deletion !== null,
        metadataRecordId: metadataId,
        fetches,
      };
    } catch (err) {
      throw new Error(`The evidence of article ${article.id} (${article.url}) could not be written: ${(err as Error).message}`, { cause: err });
    }
  }

  private async addFetch(f: EvidenceFetch): Promise<ManifestFetch> {
    const date = utc(f.fetchedAt);
    const responseId = recordId();
    const sha256 = createHash('sha256').update(f.body).digest('hex');
    const common: [string, string][] = [['WARC-Warcinfo-ID', this.warcinfoId]];
    if (f.ipAddress) common.push(['WARC-IP-Address', f.ipAddress]);
    const truncated: [string, string][] = f.truncated ? [['WARC-Truncated', 'length']] : [];
    if (f.responseHead === null) {
      const headers: [string, string][] = [['WARC-Record-ID', responseId], ['Content-Type', f.contentType ?? 'application/octet-stream'], ['WARC-Payload-Digest', `sha256:${sha256}`], ...truncated, ...common];
      await this.write(this.record('resource', f.finalUrl, date, headers, [f.body]));
      return { url: f.url, finalUrl: f.finalUrl, fetchedAt: date, status: null, sha256, size: f.body.length, truncated: f.truncated === true, recordId: responseId };
    }
    const response: [string, string][] = [['WARC-Record-ID', responseId], ['WARC-Payload-Digest', `sha256:${sha256}`], ...truncated, ...common];
    await this.write(this.record('response', f.finalUrl, date, response, [f.responseHead, f.body]));
    if (f.requestHead !== null) {
      const request: [string, string][] = [['WARC-Record-ID', recordId()], ['WARC-Concurrent-To', responseId], ['WARC-Payload-Digest', warcDigest(new Uint8Array(0))], ...common];
      await this.write(this.record('request', f.finalUrl, date, request, [f.requestHead]));
    }
    return { url: f.url, finalUrl: f.finalUrl, fetchedAt: date, status: statusOf(f.responseHead), sha256, size: f.body.length, truncated: f.truncated === true, recordId: responseId };
  }

  /**
   * A record whose block is exactly `block`. For request and response records warcio would rebuild the HTTP
   * head from parsed headers (case, order and spacing its own); evidence keeps the head as received, so the
   * parsed-head slot is emptied and the payload digest, which only the caller can place after the head, is given.
   * warcio computes the block digest and the length.
   */
  private record(type: WARCType, url: string, date: string, warcHeaders: [string, string][], block: Uint8Array[]): WARCRecord {
    const record = WARCRecord.create({ type, url, date, warcVersion: WARC_1_1, warcHeaders: [['WARC-Type', type], ...warcHeaders] }, block);
    record.httpHeaders = null;
    return record;
  }

  private async write(record: WARCRecord): Promise<void> {
    if (this.closed) throw new Error('The WARC file is already closed.');
    for await (const chunk of new WARCSerializer(record, { gzip: this.gzip })) {
      await writeChunk(this.out, chunk);
    }
    this.records++;
  }

  /** Flushes and closes the file; safe to call twice. */
  async close(): Promise<{ records: number; bytes: number }> {
    if (!this.closed) {
      this.closed = true;
      await endFile(this.out);
    }
    return { records: this.records, bytes: this.out.bytesWritten };
  }
}

function recordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

function utc(time: string): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) throw new RangeError(`the fetch time "${time}" is not a date`);
  return new Date(ms).toISOString();
}

function statusOf(head: Uint8Array): number | null {
  const line = new TextDecoder('latin1').decode(head.subarray(0, Math.min(head.length, 200)));
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(line);
  return m ? Number(m[1]) : null;
}
