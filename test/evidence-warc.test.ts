// The evidence export (electron/evidence/warc.ts, manifest.ts): a WARC 1.1 file written with warcio.js and read
// back with warcio.js's own parser. Record count and types, headers, links between records, the bytes of each
// block exactly as given, every digest recomputed here from those bytes; gzip per record; the manifests; a
// failed export leaves no file; and the writer's memory stays flat on a large export.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import { exportEvidence, type EvidenceArticle, type EvidenceFetch } from '../electron/evidence/warc.ts';
import { MANIFEST_CSV_COLUMNS, type ManifestEntry } from '../electron/evidence/manifest.ts';
import { summariseVersion } from '../electron/articles/versions.ts';
import { tempDir } from './helpers.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

const RU_HTML = '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Талибан* захватил Кандагар</title></head>'
  + '<body><p>Движение «Талибан»* заявило о захвате города.</p><p>* Террористическая организация, запрещена в России.</p></body></html>';

function fetchOf(url: string, fetchedAt: string, body: Uint8Array, extraHeaders: string): EvidenceFetch {
  const u = new URL(url);
  return {
    url,
    finalUrl: url,
    fetchedAt,
    // Headers as a server sends them: odd case, no space after one colon, a repeated header.
    requestHead: enc(`GET ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\nUser-Agent: Footnote/0.1 (+https://footnote.example)\r\nAccept: text/html\r\nIf-None-Match: "abc"\r\n\r\n`),
    responseHead: enc(`HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Odd:value\r\n${extraHeaders}Content-Length: ${body.length}\r\n\r\n`),
    body,
    ipAddress: '203.0.113.7',
  };
}

function articles(): EvidenceArticle[] {
  const gz = new Uint8Array(gzipSync(Buffer.from(RU_HTML)));
  const edited = enc(RU_HTML.replace('<p>* Террористическая организация, запрещена в России.</p>', '').replace(/\*/g, ''));
  const versions = [
    summariseVersion({ n: 1, firstSeen: '2021-08-09T15:57:00Z', lastSeen: '2021-08-10T09:00:00Z', title: 'Талибан* захватил Кандагар', text: 'Движение «Талибан»* заявило…', labels: [{ kind: 'terrorist', entity: 'Талибан', canonical: 'Taliban' }] }),
    summariseVersion({ n: 2, firstSeen: '2021-08-10T09:00:00Z', lastSeen: '2021-08-11T09:00:00Z', title: 'Талибан захватил Кандагар', text: 'Движение «Талибан» заявило…', labels: [] }),
  ];
  return [
    {
      id: 7,
      url: 'https://ria.example/20210809/kandahar.html?utm_source=rss',
      fetches: (async function* () {
        yield fetchOf('https://ria.example/20210809/kandahar.html', '2021-08-09T18:57:00+03:00', gz, 'Content-Encoding: gzip\r\n');
        yield { ...fetchOf('https://ria.example/20210809/kandahar.html', '2021-08-10T09:00:00Z', edited, ''), truncated: true };
      })(),
      evidence: {
        title: 'Талибан захватил Кандагар',
        feedUrl: 'https://ria.example/export/rss2/index.xml',
        versions,
        labels: [{ kind: 'terrorist', entity: 'Талибан', canonical: 'Taliban', marker: '*', evidence: '* Террористическая организация, запрещена в России.', start: 52, end: 101, origin: 'detector', review: 'confirmed', note: 'checked', rule: 'footnote:ru:запрещена в России', rejectReason: null, reviewNote: null, reviewedAt: '2021-08-12T10:00:00Z', firstSeenAt: '2021-08-09T15:57:00Z', removedAt: '2021-08-10T09:00:00Z' }],
        tags: ['afghanistan', 'footnote-dropped'],
        reviews: [{ subject: 'label 1', verdict: 'confirmed', note: 'checked', at: '2021-08-12T10:00:00Z' }],
        deletion: null,
      },
    },
    {
      id: 8,
      url: 'https://ria.example/old.html',
      // A page kept before raw capture: the body without its response head.
      fetches: [{ url: 'https://ria.example/old.html', finalUrl: 'https://ria.example/old.html', fetchedAt: '2021-07-01T00:00:00Z', requestHead: null, responseHead: null, body: enc('<p>old</p>'), contentType: 'text/html; charset=utf-8' }],
      evidence: { title: 'Old', feedUrl: null, versions: [], labels: [], tags: [], reviews: [], deletion: { at: '2021-08-12T00:00:00Z', reason: 'The server answers 404 Not Found.', status: 404, finalUrl: 'https://ria.example/old.html' } },
    },
    { id: 9, url: 'https://ria.example/never-fetched.html', fetches: [], evidence: { title: null, feedUrl: null, versions: [], labels: [], tags: [], reviews: [], deletion: null } },
  ];
}

interface ReadRecord {
  type: string;
  headers: Map<string, string>;
  block: Uint8Array;
  offset: number;
}

/** Every record as warcio's parser reads it: WARC headers and the raw block (parseHttp off: nothing decoded). */
async function readWarc(path: string): Promise<ReadRecord[]> {
  const parser = new WARCParser(createReadStream(path), { parseHttp: false, keepHeadersCase: true });
  const out: ReadRecord[] = [];
  for await (const record of parser) {
    const block = await record.readFully(false);
    const headers = new Map<string, string>();
    for (const [k, v] of record.warcHeaders.headers as Map<string, string>) headers.set(k, v);
    out.push({ type: record.warcType, headers, block: new Uint8Array(block), offset: parser.offset });
  }
  return out;
}

async function exported(t: TestContext, name: string): Promise<{ dir: string; records: ReadRecord[]; path: string }> {
  const dir = tempDir(t);
  const path = join(dir, name);
  const result = await exportEvidence({ warcPath: path, manifestJsonPath: join(dir, 'manifest.json'), manifestCsvPath: join(dir, 'manifest.csv'), software: 'Footnote 0.1.0', operator: 'analyst@example.org' }, articles());
  assert.deepEqual({ ...result, bytes: result.bytes > 0 }, { articles: 3, fetches: 3, records: 9, bytes: true });
  return { dir, records: await readWarc(path), path };
}

async function checkRecords(records: ReadRecord[]): Promise<void> {
  assert.deepEqual(records.map((r) => r.type), ['warcinfo', 'response', 'request', 'response', 'request', 'metadata', 'resource', 'metadata', 'metadata']);
  const [info] = records;
  assert.ok(info);
  const infoId = info.headers.get('WARC-Record-ID');
  assert.match(new TextDecoder().decode(info.block), /software: Footnote 0\.1\.0\r\nformat: WARC File Format 1\.1\r\n/);
  assert.match(new TextDecoder().decode(info.block), /operator: analyst@example\.org/);
  for (const r of records) assert.equal(r.headers.get('WARC-Date')?.endsWith('Z'), true, 'WARC-Date in UTC');

  const given = await Promise.all(articles().map(async (a) => { const list: EvidenceFetch[] = []; for await (const f of a.fetches) list.push(f); return list; }));
  const fetches = given.flat();
  const responses = records.filter((r) => r.type === 'response' || r.type === 'resource');
  assert.equal(responses.length, fetches.length);
  responses.forEach((r, i) => {
    const f = fetches[i] as EvidenceFetch;
    const block = f.responseHead ? concat(f.responseHead, f.body) : f.body;
    assert.deepEqual(r.block, block, 'the block is the head and body exactly as given');
    assert.equal(r.headers.get('WARC-Payload-Digest'), `sha256:${hex(f.body)}`, 'payload digest of the body bytes');
    assert.equal(r.headers.get('WARC-Block-Digest'), `sha256:${hex(block)}`);
    assert.equal(Number(r.headers.get('Content-Length')), block.length);
    assert.equal(r.headers.get('WARC-Target-URI'), f.finalUrl);
    assert.equal(r.headers.get('WARC-Date'), new Date(f.fetchedAt).toISOString());
    assert.equal(r.headers.get('WARC-Warcinfo-ID'), infoId);
    assert.equal(r.headers.get('Content-Type'), f.responseHead ? 'application/http; msgtype=response' : 'text/html; charset=utf-8');
    if (f.ipAddress) assert.equal(r.headers.get('WARC-IP-Address'), f.ipAddress);
    assert.equal(r.headers.get('WARC-Truncated'), f.truncated ? 'length' : undefined, 'a body cut at the cap says so');
  });
  const requests = records.filter((r) => r.type === 'request');
  assert.equal(requests.length, 2);
  requests.forEach((r, i) => {
    const response = responses[i] as ReadRecord;
    assert.equal(r.headers.get('WARC-Concurrent-To'), response.headers.get('WARC-Record-ID'), 'the request names its response');
    assert.deepEqual(r.block, fetches[i]?.requestHead);
    assert.equal(r.headers.get('WARC-Block-Digest'), `sha256:${hex(r.block)}`);
    assert.equal(r.headers.get('WARC-Payload-Digest'), `sha256:${hex(new Uint8Array(0))}`, 'a GET has an empty payload');
  });
  const metadata = records.filter((r) => r.type === 'metadata');
  const [m7, m8, m9] = metadata.map((r) => JSON.parse(new TextDecoder().decode(r.block)) as Record<string, unknown>);
  assert.equal(metadata[0]?.headers.get('WARC-Refers-To'), responses[1]?.headers.get('WARC-Record-ID'), 'metadata refers to the latest response');
  assert.equal(metadata[1]?.headers.get('WARC-Refers-To'), responses[2]?.headers.get('WARC-Record-ID'));
  assert.equal(metadata[2]?.headers.get('WARC-Refers-To'), undefined, 'nothing to refer to');
  for (const r of metadata) {
    assert.equal(r.headers.get('Content-Type'), 'application/json');
    assert.equal(r.headers.get('WARC-Payload-Digest'), `sha256:${hex(r.block)}`);
  }
  const a7 = articles()[0] as EvidenceArticle;
  assert.equal(m7?.['articleId'], 7);
  assert.equal(metadata[0]?.headers.get('WARC-Target-URI'), a7.url);
  assert.deepEqual(m7?.['versions'], a7.evidence.versions);
  assert.deepEqual(m7?.['labels'], a7.evidence.labels);
  assert.deepEqual(m7?.['tags'], ['afghanistan', 'footnote-dropped']);
  assert.deepEqual(m7?.['reviews'], a7.evidence.reviews);
  assert.deepEqual((m7?.['fetches'] as { recordId: string }[]).map((f) => f.recordId), responses.slice(0, 2).map((r) => r.headers.get('WARC-Record-ID')));
  assert.equal((m8?.['deletion'] as { status: number }).status, 404);
  assert.deepEqual(m9?.['fetches'], []);
}

test('a .warc.gz read back with warcio: records, headers, links, blocks and digests are exactly what was given; gzip per record', async (t) => {
  const { records, path } = await exported(t, 'evidence.warc.gz');
  await checkRecords(records);
  const bytes = readFileSync(path);
  for (const r of records) assert.deepEqual([bytes[r.offset], bytes[r.offset + 1]], [0x1f, 0x8b], `record at ${r.offset} is its own gzip member`);
});

test('a plain .warc when the name does not end in .gz; warcio decodes the HTTP response for replay', async (t) => {
  const { records, path } = await exported(t, 'evidence.warc');
  await checkRecords(records);
  assert.equal(readFileSync(path).subarray(0, 8).toString('latin1'), 'WARC/1.1');
  // Read as a replay tool would: HTTP head parsed, Content-Encoding undone.
  const parser = new WARCParser(createReadStream(path));
  const seen: { status: unknown; text: string; cookies: string | null }[] = [];
  for await (const record of parser) {
    if (record.warcType !== 'response') continue;
    seen.push({ status: record.httpHeaders?.statusCode, text: await record.contentText(), cookies: (record.httpHeaders?.headers as Headers).get('set-cookie') });
  }
  assert.equal(seen.length, 2);
  assert.equal(seen[0]?.status, 200);
  assert.equal(seen[0]?.text, RU_HTML, 'the gzip body decodes to the page');
  assert.equal(seen[0]?.cookies, 'a=1, b=2');
  assert.doesNotMatch(seen[1]?.text ?? '', /Террористическая/);
});

test('the manifests list each article\'s URL, final URL, fetch times and SHA-256 digests', async (t) => {
  const { dir, records } = await exported(t, 'evidence.warc.gz');
  const entries = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  assert.deepEqual(entries.map((e) => [e.articleId, e.url, e.finalUrl, e.fetches.length, e.deleted]), [
    [7, 'https://ria.example/20210809/kandahar.html?utm_source=rss', 'https://ria.example/20210809/kandahar.html', 2, false],
    [8, 'https://ria.example/old.html', 'https://ria.example/old.html', 1, true],
    [9, 'https://ria.example/never-fetched.html', null, 0, false],
  ]);
  const first = entries[0]?.fetches[0];
  assert.equal(first?.fetchedAt, '2021-08-09T15:57:00.000Z');
  assert.equal(first?.status, 200);
  assert.equal(first?.sha256, hex(new Uint8Array(gzipSync(Buffer.from(RU_HTML)))));
  assert.equal(entries[1]?.fetches[0]?.status, null);
  assert.equal(entries[0]?.textSha256, entries[0] && (articles()[0] as EvidenceArticle).evidence.versions[1]?.sha256);
  const ids = new Set(records.map((r) => r.headers.get('WARC-Record-ID')));
  for (const e of entries) {
    assert.ok(ids.has(e.metadataRecordId));
    for (const f of e.fetches) assert.ok(ids.has(f.recordId), 'the manifest names records that are in the file');
  }
  const csv = readFileSync(join(dir, 'manifest.csv'), 'utf8').split('\r\n').filter(Boolean);
  assert.equal(csv[0], `\uFEFF${MANIFEST_CSV_COLUMNS.join(',')}`);
  assert.equal(csv.length, 1 + 2 + 1 + 1, 'one row per fetch, one for the article never fetched');
  assert.match(csv[1] ?? '', new RegExp(`^7,https://ria\\.example/20210809/kandahar\\.html\\?utm_source=rss,.*,2021-08-09T15:57:00\\.000Z,.*,200,${first?.sha256}`));
  assert.match(csv[2] ?? '', /,yes,<urn:uuid:[^,]+>,<urn:uuid:[^,]+>$/, 'the second fetch was truncated');
  assert.match(csv[4] ?? '', /^9,https:\/\/ria\.example\/never-fetched\.html,,,,no,,,,,,,,,<urn:uuid:/);
});

test('a failed export says which article and leaves no file behind', async (t) => {
  const dir = tempDir(t);
  const broken = articles();
  (broken[1] as EvidenceArticle).fetches = [{ url: 'https://ria.example/old.html', finalUrl: 'https://ria.example/old.html', fetchedAt: 'not a date', requestHead: null, responseHead: null, body: enc('x') }];
  await assert.rejects(
    exportEvidence({ warcPath: join(dir, 'e.warc.gz'), manifestJsonPath: join(dir, 'm.json'), manifestCsvPath: join(dir, 'm.csv'), software: 'Footnote' }, broken),
    /article 8 \(https:\/\/ria\.example\/old\.html\).*"not a date" is not a date/,
  );
  assert.deepEqual(readdirSync(dir), []);
  assert.equal(existsSync(join(dir, 'e.warc.gz')), false);
});

const CHILD = fileURLToPath(new URL('./support/warc-export-child.ts', import.meta.url));
const LARGE_MB = 256;
const BOUND_MB = 200;

test(`a ${LARGE_MB} MB export streams: the writer's peak RSS stays under ${BOUND_MB} MB`, { timeout: 120_000 }, async (t) => {
  const dir = tempDir(t);
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [CHILD, join(dir, 'large.warc'), String(LARGE_MB)], { encoding: 'utf8', timeout: 110_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
  const report = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { records: number; bytes: number; maxRssMB: number };
  t.diagnostic(`peak RSS ${report.maxRssMB} MB for ${(report.bytes / 2 ** 20).toFixed(0)} MB written`);
  assert.equal(report.records, 1 + LARGE_MB + 1, 'warcinfo, one response per fetch, the metadata record');
  assert.ok(report.bytes > LARGE_MB * 2 ** 20);
  assert.ok(report.maxRssMB < BOUND_MB, `peak RSS ${report.maxRssMB} MB is under ${BOUND_MB} MB`);
});
