// Schema 9: indexes for the reader's views once the library is large (BENCHMARKS.md, responsiveness). The starred
// view counted and walked every article to find the few starred ones: 180 ms a window at 37,200 articles, 0.6 ms
// with this index. Partial, so the articles ingest writes (never starred) cost it nothing.
export default `
CREATE INDEX article_starred ON article(published_at) WHERE is_starred = 1;
`;
