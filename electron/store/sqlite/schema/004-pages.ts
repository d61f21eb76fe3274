// Schema 4: article pages fetched for full text, kept as evidence. Every fetch is a new row: an edited page keeps
// its earlier copies.
export default `
CREATE TABLE page (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  url TEXT NOT NULL,                     -- what was asked for (the article's link)
  final_url TEXT,                        -- where the bytes came from, after redirects
  fetched_at TEXT NOT NULL,
  status INTEGER,                        -- HTTP status, NULL when there was no response
  content_type TEXT,
  size INTEGER,                          -- bytes as served (after Content-Encoding), before compression here
  sha256 TEXT,                           -- hex digest of those bytes
  body BLOB,                             -- gzip of those bytes
  error TEXT                             -- why there is no full text from this fetch, in words
);
CREATE INDEX page_article ON page(article_id, id);
`;
