// Schema 2: search. The full-text index is rebuilt with a stemmed copy of titles and texts beside
// the raw columns, and tables for auto-tag rules and saved searches are added.
//
// Why contentless (content=''): better-sqlite3 cannot register a tokenizer written in JavaScript, so the stemmed
// text is computed by footnote_stem() (registered by openDatabase) and indexed in extra columns. An external-
// content table would need those columns on `article` (stored, costing the text twice, or generated, making every
// SELECT * stem whole texts). Contentless keeps only the index; snippets are cut in JavaScript instead
// (snippet.ts), which is needed anyway because FTS5's snippet() cannot highlight a stemmed match in the raw text.
// contentless_delete=1 lets the triggers delete by rowid.
const FTS_COLUMNS = 'title, author, summary, text, title_stem, text_stem';

function ftsValues(row: 'new' | 'article'): string {
  const r = row === 'new' ? 'new.' : '';
  return `footnote_fold(${r}title), footnote_fold(${r}author), footnote_fold(${r}summary), footnote_fold(${r}text), ` +
    `footnote_stem(${r}title), footnote_stem(coalesce(nullif(${r}text, ''), ${r}summary))`;
}

export default `
DROP TRIGGER IF EXISTS article_fts_insert;
DROP TRIGGER IF EXISTS article_fts_delete;
DROP TRIGGER IF EXISTS article_fts_update;
DROP TABLE IF EXISTS article_fts;

-- Columns 0-3 hold the folded raw text (quoted terms, prefixes, author:), 4-5 the stems (unquoted terms).
CREATE VIRTUAL TABLE article_fts USING fts5(
  ${FTS_COLUMNS},
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_fts(rowid, ${FTS_COLUMNS}) VALUES (new.id, ${ftsValues('new')});
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
  DELETE FROM article_fts WHERE rowid = old.id;
END;
CREATE TRIGGER article_fts_update AFTER UPDATE OF title, author, summary, text ON article BEGIN
  DELETE FROM article_fts WHERE rowid = old.id;
  INSERT INTO article_fts(rowid, ${FTS_COLUMNS}) VALUES (new.id, ${ftsValues('new')});
END;
INSERT INTO article_fts(rowid, ${FTS_COLUMNS}) SELECT id, ${ftsValues('article')} FROM article;

-- Sorting by date and date filters use this expression, never published_at alone (it may be missing).
CREATE INDEX article_date ON article(coalesce(published_at, first_seen_at));

CREATE TABLE rule (
  id INTEGER PRIMARY KEY,
  query TEXT NOT NULL,
  tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
  feed_ids TEXT,                         -- JSON array of feed ids, NULL = every feed
  created_at TEXT NOT NULL
);
CREATE INDEX article_tag_rule ON article_tag(rule_id) WHERE rule_id IS NOT NULL;

CREATE TABLE saved_search (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  query TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;
