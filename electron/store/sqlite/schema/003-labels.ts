// Schema 3: the analyst's outlet entries (additions, edits of shipped entries matched by name, hidden shipped
// entries), which win over assets/outlets.json; and an index for the review filters of the Flags view.
export default `
CREATE TABLE outlet_override (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE, -- the outlet added, or the shipped outlet of that name replaced
  domains TEXT NOT NULL DEFAULT '[]',       -- JSON array of registrable domains or hosts
  country TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  source_date TEXT,
  removed INTEGER NOT NULL DEFAULT 0,       -- 1: hides the shipped outlet of that name
  updated_at TEXT NOT NULL
);
CREATE INDEX label_review ON label(review, removed_at);
`;
