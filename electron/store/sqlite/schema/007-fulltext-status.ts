// Schema 7: what happened the last time Footnote tried to get an article's full text, one row per article that was
// tried: saved, failed (with the reason in words) or blocked by a wall, how many tries in a row, and when the
// poller tries again on its own (NULL: it does not; only the user's "Retry" does). A library that already fetched
// pages starts from each article's latest page row: saved, or failed with that row's error in words. Those old
// failures are not retried on their own (their kind was never recorded); the user's Retry classifies them.
export default `
CREATE TABLE fulltext_status (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('saved', 'failed', 'blocked')),
  reason TEXT,                           -- failed: outcome.ts's FailureReason; blocked: the wall (consent, paywall)
  message TEXT,                          -- what happened and what to do next, in words (NULL when saved)
  attempts INTEGER NOT NULL,             -- tries since the last success (a success resets it to 1)
  tried_at TEXT NOT NULL,
  next_retry_at TEXT                     -- when the poller tries again; NULL when it will not
);
CREATE INDEX fulltext_status_retry ON fulltext_status(next_retry_at) WHERE next_retry_at IS NOT NULL;
INSERT INTO fulltext_status (article_id, status, reason, message, attempts, tried_at, next_retry_at)
  SELECT p.article_id, CASE WHEN p.error IS NULL THEN 'saved' ELSE 'failed' END, CASE WHEN p.error IS NULL THEN NULL ELSE 'error' END,
    p.error, 1, p.fetched_at, NULL
  FROM page p WHERE p.id = (SELECT max(id) FROM page q WHERE q.article_id = p.article_id);
`;
