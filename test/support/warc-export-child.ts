// Child of evidence-warc.test.ts: exports N one-megabyte fetches of one article, handed over one at a time, and
// prints its own peak RSS (the test runner's heap does not count).
import { exportEvidence, type EvidenceFetch } from '../../electron/evidence/warc.ts';

const [path, megabytes] = process.argv.slice(2);
const count = Number(megabytes);
const head = new TextEncoder().encode('HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n');

async function* fetches(): AsyncGenerator<EvidenceFetch> {
  for (let i = 0; i < count; i++) {
    const body = new Uint8Array(1024 * 1024).fill(i % 251);
    yield { url: `https://big.example/${i}`, finalUrl: `https://big.example/${i}`, fetchedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), requestHead: null, responseHead: head, body };
  }
}

const result = await exportEvidence({ warcPath: path as string, software: 'Footnote test' }, [
  { id: 1, url: 'https://big.example/', fetches: fetches(), evidence: { title: null, feedUrl: null, versions: [], labels: [], tags: [], reviews: [], deletion: null } },
]);
console.log(JSON.stringify({ records: result.records, bytes: result.bytes, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
