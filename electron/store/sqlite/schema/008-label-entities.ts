// Schema 8: entities as things, and reviews that teach (issue 10). Each label keeps the canonical name of its
// entity (one across inflections, scripts and languages) beside the entity as written, and the detector rule that
// found it; the analyst's own aliases live in the library and re-canonicalise labels at once; a rejection keeps
// its reason. Existing labels are filled in by the migration's step in code (label-entities.ts), since the
// canonical name comes from the detector and the alias table, not from SQL.
export default `
ALTER TABLE label ADD COLUMN detected_canonical TEXT; -- the detector's canonical name (shipped alias table)
ALTER TABLE label ADD COLUMN canonical TEXT;          -- the one shown and searched: detected_canonical unless an analyst alias says otherwise
ALTER TABLE label ADD COLUMN canonical_key TEXT;      -- canonical folded as search folds words (footnote_lower)
ALTER TABLE label ADD COLUMN rule TEXT;               -- the rule and phrase that matched ("footnote:ru:иноагент"); NULL for manual labels
ALTER TABLE label ADD COLUMN reject_reason TEXT;      -- why the analyst rejected it (REJECT_REASONS in model.ts)
ALTER TABLE label ADD COLUMN review_note TEXT;        -- the analyst's words on the review
ALTER TABLE label ADD COLUMN reviewed_at TEXT;
CREATE INDEX label_canonical ON label(canonical_key);

-- The analyst's aliases: a name as written that means a canonical entity (of the shipped table or a new one).
-- The shipped table (assets/labels/entities.json) stays read-only; these are layered on it.
CREATE TABLE entity_alias (
  id INTEGER PRIMARY KEY,
  alias TEXT NOT NULL,
  alias_key TEXT NOT NULL UNIQUE,         -- alias folded (footnote_lower): one meaning per name
  canonical TEXT NOT NULL,
  lang TEXT,
  created_at TEXT NOT NULL
);
`;
