// Schema 5: ingest at speed. Each article's outlet, resolved from the registry once (at ingest, by the migration for articles
// stored before, again when the analyst edits the registry) and kept on the row, so that lists, search hits, the
// reader and the Flags view read it with the article instead of resolving it per row at read time. outlet_key is
// the name folded as query terms are (foldWord), for outlet: filters; '' when the registry knows no outlet, NULL
// for a row ingest never wrote. And the index triggers stand aside while ingest indexes its own batch
// (footnote_trigger_indexes(), search/functions.ts): ingest computes the index values before its transaction.
const FTS_COLUMNS = 'title, author, summary, text, title_stem, text_stem';
const FTS_VALUES = 'footnote_fold(new.title), footnote_fold(new.author), footnote_fold(new.summary), footnote_fold(new.text), '
  + "footnote_stem(new.title), footnote_stem(coalesce(nullif(new.text, ''), new.summary))";

export default `
DROP TRIGGER article_fts_insert;
DROP TRIGGER article_fts_update;
CREATE TRIGGER article_fts_insert AFTER INSERT ON article WHEN footnote_trigger_indexes() BEGIN
  INSERT INTO article_fts(rowid, ${FTS_COLUMNS}) VALUES (new.id, ${FTS_VALUES});
END;
CREATE TRIGGER article_fts_update AFTER UPDATE OF title, author, summary, text ON article WHEN footnote_trigger_indexes() BEGIN
  DELETE FROM article_fts WHERE rowid = old.id;
  INSERT INTO article_fts(rowid, ${FTS_COLUMNS}) VALUES (new.id, ${FTS_VALUES});
END;
ALTER TABLE article ADD COLUMN outlet TEXT;
ALTER TABLE article ADD COLUMN outlet_key TEXT;
ALTER TABLE article ADD COLUMN outlet_country TEXT;
ALTER TABLE article ADD COLUMN outlet_category TEXT;
CREATE INDEX article_outlet_country ON article(outlet_country) WHERE outlet_country IS NOT NULL;
`;
