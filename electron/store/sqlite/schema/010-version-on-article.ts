// Schema 10: a new article's first version points at the article row instead of copying it. Ingest wrote every
// article's summary, content and text twice (the row, then the same values again in version 1: ~5 KB of a ~13 KB
// article), and the copy was ~20% of ingest's write transaction (BENCHMARKS.md, ingest throughput). Now such a
// version holds NULL in those three columns and from_article = 1: they read the article's own, which are the same
// for as long as the article keeps them. The first UPDATE that changes them copies the old values into the version
// (the trigger below), so a version keeps what it read, as before. Readers go through article_version_read, which
// gives every version's columns as before; versions written before this schema stay copies (from_article = 0).
export default `
ALTER TABLE article_version ADD COLUMN from_article INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER article_version_keep AFTER UPDATE OF summary, content, text ON article
  WHEN old.summary IS NOT new.summary OR old.content IS NOT new.content OR old.text IS NOT new.text
BEGIN
  UPDATE article_version SET summary = old.summary, content = old.content, text = old.text, from_article = 0
    WHERE article_id = old.id AND from_article = 1;
END;
CREATE VIEW article_version_read AS
  SELECT v.id, v.article_id, v.content_hash, v.title,
    iif(v.from_article, a.summary, v.summary) AS summary, iif(v.from_article, a.content, v.content) AS content,
    iif(v.from_article, a.text, v.text) AS text,
    v.seen_from, v.seen_until, v.n, v.labels, v.fingerprint, v.source, v.capture_id
  FROM article_version v LEFT JOIN article a ON v.from_article = 1 AND a.id = v.article_id;
`;
