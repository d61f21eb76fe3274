// Schema 6, evidence of edits and deletions (issue 13): raw captures of what came over the wire, every version
// of an article numbered (the current one included) with its labels, and the article's deletion record.
//
// article_version changes meaning here: until now it held the replaced versions only, one per feed-item change;
// from now on it holds every version, current included, and a version is made only by a significant change
// (articles/CHANGES.md). Existing rows are numbered in order and the current text becomes the last version.
export default `
CREATE TABLE capture (
  id INTEGER PRIMARY KEY,
  feed_id INTEGER REFERENCES feed(id) ON DELETE CASCADE,       -- a feed fetch (article_id NULL)
  article_id INTEGER REFERENCES article(id) ON DELETE CASCADE, -- a page fetch or a re-check of one article
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'page', 'recheck')),
  url TEXT NOT NULL,                     -- what was asked for
  final_url TEXT NOT NULL,               -- where this response came from, after redirects
  status INTEGER NOT NULL,
  fetched_at TEXT NOT NULL,              -- ISO 8601, UTC
  request_head BLOB NOT NULL,            -- request line and headers as sent
  response_head BLOB NOT NULL,           -- status line and headers as received
  body BLOB NOT NULL,                    -- gzip of the body as received (content coding kept)
  size INTEGER NOT NULL,                 -- bytes of the body as received (before the gzip here)
  sha256 TEXT NOT NULL,                  -- hex SHA-256 of those bytes
  truncated INTEGER NOT NULL DEFAULT 0   -- 1 when the body was cut at the per-response cap
);
-- Full (not partial) indexes: SQLite's foreign-key actions look rows up through them when an article or feed goes.
CREATE INDEX capture_article ON capture(article_id, id);
CREATE INDEX capture_feed ON capture(feed_id, id);

ALTER TABLE article_version ADD COLUMN n INTEGER;
ALTER TABLE article_version ADD COLUMN labels TEXT NOT NULL DEFAULT '[]'; -- JSON [{kind, entity}] of the detector
ALTER TABLE article_version ADD COLUMN fingerprint TEXT;                 -- significant-change.ts changeFingerprint
ALTER TABLE article_version ADD COLUMN source TEXT NOT NULL DEFAULT 'feed' CHECK (source IN ('feed', 'page'));
ALTER TABLE article_version ADD COLUMN capture_id INTEGER REFERENCES capture(id) ON DELETE SET NULL;

UPDATE article_version SET n = (SELECT count(*) FROM article_version v WHERE v.article_id = article_version.article_id AND v.id <= article_version.id);
INSERT INTO article_version (article_id, content_hash, title, summary, content, text, seen_from, seen_until, n, labels, source)
  SELECT a.id, a.content_hash, a.title, a.summary, a.content, a.text,
    coalesce((SELECT max(seen_until) FROM article_version v WHERE v.article_id = a.id), a.first_seen_at), a.last_seen_at,
    (SELECT count(*) + 1 FROM article_version v WHERE v.article_id = a.id),
    (SELECT coalesce(json_group_array(json_object('kind', kind, 'entity', entity)), '[]') FROM label
      WHERE label.article_id = a.id AND origin = 'detector' AND removed_at IS NULL),
    CASE WHEN a.full_html IS NOT NULL THEN 'page' ELSE 'feed' END
  FROM article a;
CREATE UNIQUE INDEX article_version_n ON article_version(article_id, n);
CREATE INDEX article_version_capture ON article_version(capture_id);

ALTER TABLE article ADD COLUMN version_count INTEGER NOT NULL DEFAULT 1; -- > 1: edited (the list's mark, is:edited)
ALTER TABLE article ADD COLUMN deleted_at TEXT;          -- when a re-check found the article taken down
ALTER TABLE article ADD COLUMN deleted_reason TEXT;      -- why, in words (recheck-verdict.ts)
ALTER TABLE article ADD COLUMN deleted_capture_id INTEGER REFERENCES capture(id) ON DELETE SET NULL;
ALTER TABLE article ADD COLUMN deleted_status INTEGER;
ALTER TABLE article ADD COLUMN deleted_final_url TEXT;
ALTER TABLE article ADD COLUMN rechecked_at TEXT;
ALTER TABLE article ADD COLUMN page_etag TEXT;           -- validators of the last page fetch: conditional re-checks
ALTER TABLE article ADD COLUMN page_last_modified TEXT;
UPDATE article SET version_count = (SELECT count(*) FROM article_version WHERE article_id = article.id);
CREATE INDEX article_edited ON article(id) WHERE version_count > 1;
CREATE INDEX article_deleted ON article(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX article_deleted_capture ON article(deleted_capture_id);
`;
