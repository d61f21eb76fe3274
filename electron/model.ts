// The shapes that cross layers: the feed object of DESIGN.md §2 and the records the API returns.
// Types and the constant lists behind them: every layer may import this file (the renderer its types).

/** One item of a parsed feed: strings or null, dates as ISO 8601 instants in UTC. */
export interface FeedItem {
  id: string | null;
  title: string | null;
  link: string | null;
  published: string | null;
  updated: string | null;
  author: string | null;
  summary: string | null;
  /** The full HTML when the feed carries it. */
  content: string | null;
  categories: string[];
}

/** A parsed feed (DESIGN.md §2, the `footnote parse --json` output). */
export interface FeedObject {
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  items: FeedItem[];
}

export type FeedStatus = 'new' | 'ok' | 'error' | 'gone';

/** A subscription as `footnote feeds --json` and the API return it. */
export interface FeedRecord {
  id: number;
  url: string;
  siteUrl: string | null;
  title: string | null;
  description: string | null;
  language: string | null;
  folder: string | null;
  intervalMinutes: number;
  fullText: boolean | null;
  status: FeedStatus;
  lastError: string | null;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  nextFetchAt: string | null;
  errorCount: number;
  articleCount: number;
  unreadCount: number;
  createdAt: string;
}

/** The kinds of state-media label (DESIGN.md §2): the one list, for types, the API's schemas and the UI. */
export const LABEL_KINDS = ['terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** An analyst's verdict on a label. */
export const LABEL_REVIEWS = ['unreviewed', 'confirmed', 'rejected'] as const;
export type LabelReview = (typeof LABEL_REVIEWS)[number];
/** Who put a label on an article: the detector at ingest, or an analyst by hand. */
export type LabelOrigin = 'detector' | 'manual';
/** Why an analyst rejected a detection: the classes of false positive (LABELS.md), so that reviews teach. */
export const REJECT_REASONS = ['not_a_label', 'news_event', 'quoted', 'other_country', 'wrong_entity', 'wrong_kind', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Outlet {
  name: string;
  domain: string;
  country: string;
  category: string;
  source: string;
}

/** One detected label (DESIGN.md §2). */
export interface Label {
  kind: LabelKind;
  /** The labelled entity as the text names it at its marked or labelled mention. */
  entity: string;
  /** One name for the entity across inflections, scripts and languages. */
  canonical: string;
  marker: string | null;
  evidence: string;
  start: number;
  end: number;
  /** The rule and the phrase that matched: "footnote:ru:иноагент*". */
  rule: string;
}

export interface LabelReport {
  outlet: Outlet | null;
  labels: Label[];
}

/** A response kept as it came over the wire (net/capture.ts makes it, the store keeps it, evidence/ exports it). */
export interface RawCapture {
  /** What was asked for (before redirects). */
  url: string;
  /** Where this response came from. */
  finalUrl: string;
  status: number;
  /** Request line and headers as sent, CRLF line ends and the blank line included. */
  requestHead: Uint8Array;
  /** Status line and headers as received, CRLF line ends and the blank line included. */
  responseHead: Uint8Array;
  /** The body as received (content coding kept), at most the cap. */
  body: Uint8Array;
  truncated: boolean;
  /** When the response head arrived, ISO 8601 in UTC. */
  fetchedAt: string;
  /** Hex SHA-256 of `body`. */
  sha256: string;
}
