// What one fetch does to an article's versions, decided the same way on both engines (each engine's versions.ts
// writes it). The rules for mixing sources:
// - a feed item is compared with the latest feed version; once a page version exists, feed items say nothing
//   (a summary against a full page would always differ) and the next page fetch judges;
// - the first page of an article whose versions are all from its feed becomes that version's text in place
//   (the summary was a stand-in for the page, not an earlier edit); its feed capture stays as evidence.
import { significantChange } from '../articles/significant-change.ts';
import type { VersionContent } from '../articles/versions.ts';

export type VersionSource = 'feed' | 'page';
export type VersionOutcome = 'first' | 'new' | 'same' | 'replaced';

/** The article's latest stored version, as the decision needs it. */
export interface LatestVersion extends VersionContent {
  n: number;
  fingerprint: string | null;
  source: VersionSource;
}

export type VersionStep =
  /** Number a new version `n` from what the article reads now. */
  | { write: 'insert'; n: number; outcome: 'first' | 'new' }
  /** The latest version seen again. */
  | { write: 'seen'; outcome: 'same' }
  /** The first page: the feed-only latest version takes the page's title, text and labels and becomes a page version. */
  | { write: 'replace'; outcome: 'replaced' }
  /** The first page reads as the feed did: the latest version only becomes a page version. */
  | { write: 'to-page'; outcome: 'same' };

/** `fingerprint` is changeFingerprint(content): it spares re-reading the rules on an unchanged re-poll. */
export function versionStep(latest: LatestVersion | undefined, content: VersionContent, fingerprint: string, source: VersionSource): VersionStep {
  if (!latest) return { write: 'insert', n: 1, outcome: 'first' };
  if (source === 'feed' && latest.source === 'page') return { write: 'seen', outcome: 'same' };
  const changed = latest.fingerprint !== fingerprint && significantChange(latest, content).changed;
  if (source === 'page' && latest.source === 'feed') return changed ? { write: 'replace', outcome: 'replaced' } : { write: 'to-page', outcome: 'same' };
  return changed ? { write: 'insert', n: latest.n + 1, outcome: 'new' } : { write: 'seen', outcome: 'same' };
}
