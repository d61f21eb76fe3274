// Child process for the memory tests: subscribes to the given URLs in a new library, polls twice with the test
// limits, and prints one JSON line with what happened and its own peak resident memory.
import { invoke } from '../../electron/api/methods.ts';
import { createContext } from '../../electron/engine/context.ts';
import { pollFeeds } from '../../electron/poll/poller.ts';

const [dataDir, ...urls] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: hostile-poll-child.ts <data-dir> <url…>');
const ctx = createContext(dataDir);
const outlines = urls.map((u) => `<outline type="rss" text="x" xmlUrl="${u}"/>`).join('');
await invoke(ctx, 'opml.import', { xml: `<opml version="2.0"><body>${outlines}</body></opml>` });
const fetch = { timeoutMs: 20_000, idleTimeoutMs: 10_000, maxBytes: 12 * 1024 * 1024, maxRedirects: 5 };
const first = await pollFeeds(ctx.store, { fetch });
const countsAfterFirst = ctx.store.db.prepare('SELECT f.url, count(a.id) AS n FROM feed f LEFT JOIN article a ON a.feed_id = f.id GROUP BY f.id').all();
const second = await pollFeeds(ctx.store, { fetch });
const countsAfterSecond = ctx.store.db.prepare('SELECT f.url, count(a.id) AS n FROM feed f LEFT JOIN article a ON a.feed_id = f.id GROUP BY f.id').all();
ctx.store.close();
// maxRSS is in kilobytes.
console.log(JSON.stringify({ first, second, countsAfterFirst, countsAfterSecond, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
