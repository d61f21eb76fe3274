// The evidence export of a library (issue 13, item 4): every article, or a query's matches, read from the store
// one at a time and written by warc.ts with its manifests beside the WARC file (FILE.manifest.json and .csv).
import type { Store } from '../store/store.ts';
import type { ArticleDossier, StoredCapture } from '../store/records.ts';
import { summariseVersion } from '../articles/versions.ts';
import { exportEvidence, type EvidenceArticle, type EvidenceExportResult, type EvidenceFetch, type EvidenceReview } from './warc.ts';

export interface LibraryExportOptions {
  warcPath: string;
  query: string | null;
  software: string;
}

export interface LibraryExportResult extends EvidenceExportResult {
  warc: string;
  manifestJson: string;
  manifestCsv: string;
}

/** FILE.warc.gz → FILE.manifest.json and FILE.manifest.csv. */
export function manifestPaths(warcPath: string): { json: string; csv: string } {
  const stem = warcPath.replace(/\.warc(?:\.gz)?$/i, '');
  return { json: `${stem}.manifest.json`, csv: `${stem}.manifest.csv` };
}

export async function exportLibraryEvidence(store: Store, opts: LibraryExportOptions): Promise<LibraryExportResult> {
  // The query is checked (and a malformed one refused) before any file is opened.
  const ids = await store.evidence.articleIds(opts.query);
  const paths = manifestPaths(opts.warcPath);
  async function* articles(): AsyncGenerator<EvidenceArticle> {
    for (const id of ids) {
      const dossier = await store.evidence.dossier(id);
      if (dossier) yield evidenceArticle(dossier);
    }
  }
  const result = await exportEvidence({ warcPath: opts.warcPath, manifestJsonPath: paths.json, manifestCsvPath: paths.csv, software: opts.software }, articles());
  return { ...result, warc: opts.warcPath, manifestJson: paths.json, manifestCsv: paths.csv };
}

function evidenceArticle(d: ArticleDossier): EvidenceArticle {
  // The analyst's verdicts on labels; a label's review carries no time of its own, so `at` is when it was found.
  const reviews: EvidenceReview[] = d.labels.filter((l) => l.review !== 'unreviewed' || l.note !== null).map((l) => ({
    subject: `label ${l.id}: ${l.kind} — ${l.entity}`, verdict: l.review, note: l.note, at: l.firstSeenAt,
  }));
  return {
    id: d.id,
    url: d.url,
    fetches: d.captures.map(fetchOf),
    evidence: {
      title: d.title,
      feedUrl: d.feedUrl,
      versions: d.versions.map(summariseVersion),
      labels: d.labels.map(({ id: _id, articleId: _articleId, ...l }) => l),
      tags: d.tags,
      reviews,
      deletion: d.deletion,
    },
  };
}

function fetchOf(c: StoredCapture): EvidenceFetch {
  return { url: c.url, finalUrl: c.finalUrl, fetchedAt: c.fetchedAt, requestHead: c.requestHead, responseHead: c.responseHead, body: c.body, truncated: c.truncated };
}
