// Migration 3: the full-text index, one row per article, the same six columns as SQLite's article_fts: the raw
// words of title, author, summary and text (quoted terms, prefixes, author:) and the stems of title and text
// (unquoted terms). The app tokenises, folds and stems (store/postgres/search-document.ts, with the code the
// SQLite index uses) and writes the vectors with the article, in the same transaction: PostgreSQL's own parser
// splits words differently (al-Qaeda, elpais.com, U.S.) and its configurations drop stop words, so vectors made
// by to_tsvector() would not find what the SQLite library finds.
// One multicolumn GIN index serves a condition on any of the columns.
import type { PgMigration } from './index.ts';

export const search: PgMigration = {
  version: 3,
  name: 'search',
  sql: `
CREATE TABLE article_search (
  article_id bigint PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  title tsvector NOT NULL DEFAULT '',
  author tsvector NOT NULL DEFAULT '',
  summary tsvector NOT NULL DEFAULT '',
  text tsvector NOT NULL DEFAULT '',
  title_stem tsvector NOT NULL DEFAULT '',
  text_stem tsvector NOT NULL DEFAULT ''      -- stems of the text, else of the summary
);
CREATE INDEX article_search_gin ON article_search USING gin (title, author, summary, text, title_stem, text_stem);
`,
};
