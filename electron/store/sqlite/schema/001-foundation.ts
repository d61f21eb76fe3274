// Schema 1, the foundation: folders, feeds, articles with their earlier versions, the fetch log, tags, labels and a
// first full-text index (rebuilt by schema 2). Shipped: never edit, append a new numbered file instead.
export default `
CREATE TABLE folder (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feed (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,              -- where it is fetched now (301/308 update it)
  typed_url TEXT NOT NULL,               -- what the user typed: its host:port may be loopback (feed bridges)
  site_url TEXT,
  title TEXT,
  description TEXT,
  language TEXT,
  folder_id INTEGER REFERENCES folder(id) ON DELETE SET NULL,
  interval_minutes INTEGER NOT NULL DEFAULT 30,
  floor_minutes INTEGER,                 -- from <ttl> / sy:updatePeriod: never poll more often
  full_text INTEGER,                     -- NULL = detect, 0 = off, 1 = on
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'ok', 'error', 'gone')),
  etag TEXT,
  last_modified TEXT,
  last_fetched_at TEXT,
  last_success_at TEXT,
  next_fetch_at TEXT,                    -- earliest next poll: interval, backoff or Retry-After
  retry_reason TEXT,                     -- why next_fetch_at is later than the interval, in words
  error_count INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
  guid TEXT,
  link TEXT,
  canonical_link TEXT,                   -- link without tracking parameters: the second dedupe key
  title_date_hash TEXT NOT NULL,         -- the last dedupe key
  title TEXT,
  author TEXT,
  summary TEXT,
  content TEXT,                          -- the feed's HTML
  full_html TEXT,                        -- extracted from the article page, sanitised
  text TEXT,                             -- plain text of the best content: what search and labels read
  lang TEXT,
  categories TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
  published_at TEXT,
  updated_at TEXT,
  raw TEXT NOT NULL,                     -- the item as parsed, JSON
  content_hash TEXT NOT NULL,
  previous_hash TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  is_read INTEGER NOT NULL DEFAULT 0,
  is_starred INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_feed_guid ON article(feed_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX article_feed_link ON article(feed_id, canonical_link) WHERE canonical_link IS NOT NULL;
CREATE INDEX article_feed_hash ON article(feed_id, title_date_hash);
CREATE INDEX article_published ON article(published_at);
CREATE INDEX article_feed_unread ON article(feed_id, is_read);

-- Earlier versions of an article, so that nothing is lost when a site edits a story.
CREATE TABLE article_version (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  title TEXT,
  summary TEXT,
  content TEXT,
  text TEXT,
  seen_from TEXT NOT NULL,
  seen_until TEXT NOT NULL
);
CREATE INDEX article_version_article ON article_version(article_id);

CREATE TABLE fetch_log (
  id INTEGER PRIMARY KEY,
  feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
  started_at TEXT NOT NULL,
  url TEXT NOT NULL,
  status INTEGER,                        -- HTTP status, NULL when no response
  outcome TEXT NOT NULL,                 -- ok | not_modified | error | gone | retry_later
  bytes INTEGER,
  duration_ms INTEGER,
  new_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  error TEXT
);
CREATE INDEX fetch_log_feed ON fetch_log(feed_id, started_at);

CREATE TABLE tag (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color TEXT
);

-- rule_id NULL: a person applied the tag. Otherwise the rule that did (rules arrive with the search work).
CREATE TABLE article_tag (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
  rule_id INTEGER,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_tag ON article_tag(tag_id);

CREATE TABLE label (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other')),
  entity TEXT NOT NULL,
  marker TEXT,
  evidence TEXT NOT NULL,
  start INTEGER,
  end INTEGER,
  origin TEXT NOT NULL DEFAULT 'detector' CHECK (origin IN ('detector', 'manual')),
  review TEXT NOT NULL DEFAULT 'unreviewed' CHECK (review IN ('unreviewed', 'confirmed', 'rejected')),
  note TEXT,
  first_seen_at TEXT NOT NULL,
  removed_at TEXT                        -- set when a later version of the article no longer carries it
);
CREATE INDEX label_article ON label(article_id);
CREATE INDEX label_kind_entity ON label(kind, entity);

-- External-content full-text index over the article table, kept in step by triggers.
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, author, summary, text,
  content = 'article', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_fts(rowid, title, author, summary, text) VALUES (new.id, new.title, new.author, new.summary, new.text);
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
  INSERT INTO article_fts(article_fts, rowid, title, author, summary, text) VALUES ('delete', old.id, old.title, old.author, old.summary, old.text);
END;
CREATE TRIGGER article_fts_update AFTER UPDATE OF title, author, summary, text ON article BEGIN
  INSERT INTO article_fts(article_fts, rowid, title, author, summary, text) VALUES ('delete', old.id, old.title, old.author, old.summary, old.text);
  INSERT INTO article_fts(rowid, title, author, summary, text) VALUES (new.id, new.title, new.author, new.summary, new.text);
END;
`;
