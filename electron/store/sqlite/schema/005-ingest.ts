// Schema 5: each article's outlet, resolved from the registry once (at ingest, by the migration for articles
// stored before, again when the analyst edits the registry) and kept on the row, so that lists, search hits, the
// reader and the Flags view read it with the article instead of resolving it per row at read time. outlet_key is
// the name folded as query terms are (foldWord), for outlet: filters; NULL columns: no outlet in the registry.
export default `
ALTER TABLE article ADD COLUMN outlet TEXT;
ALTER TABLE article ADD COLUMN outlet_key TEXT;
ALTER TABLE article ADD COLUMN outlet_country TEXT;
ALTER TABLE article ADD COLUMN outlet_category TEXT;
CREATE INDEX article_outlet_country ON article(outlet_country) WHERE outlet_country IS NOT NULL;
`;
