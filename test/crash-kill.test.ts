// Crash safety: a real `footnote poll` is killed with SIGKILL in the middle of a large poll; the library must
// reopen sound, with every article that was committed before the kill, and the next poll must finish the job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { invoke } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import { libraryPath, openLibrary } from '../electron/store/sqlite/db.ts';
import { tempDir } from './helpers.ts';
import { rss2, serve, startFeedServer, type Handler } from './support/feed-server.ts';
import { FOOTNOTE_BIN, runCliAsync } from './support/library-fixture.ts';

const FEEDS = 16;
const ITEMS = 600;

function bigFeed(n: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    guid: `feed${n}-item${i}`,
    title: `Feed ${n} story ${i}`,
    link: `https://news${n}.example/story/${i}`,
    description: `<p>${'Paragraph of reporting on the budget debate. '.repeat(20)} ${n}/${i}</p>`,
  }));
  return rss2(`Feed ${n}`, items);
}

/** Later feeds answer later, so the poll spreads over seconds and the kill lands in its middle. */
function delayed(handler: Handler, ms: number): Handler {
  return (req, res) => {
    const timer = setTimeout(() => handler(req, res), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

test(`SIGKILL during a ${FEEDS}-feed CLI poll loses no committed article and leaves the library sound`, { timeout: 180_000 }, async (t) => {
  const routes: Record<string, Handler> = {};
  for (let n = 0; n < FEEDS; n++) routes[`/feed${n}.xml`] = delayed(serve(bigFeed(n)), n * 300);
  const server = await startFeedServer(routes);
  t.after(() => server.close());
  const dir = tempDir(t);
  const ctx = createContext(dir);
  const outlines = Array.from({ length: FEEDS }, (_, n) => `<outline type="rss" text="Feed ${n}" xmlUrl="${server.url(`/feed${n}.xml`)}"/>`).join('');
  await invoke(ctx, 'opml.import', { xml: `<?xml version="1.0"?><opml version="2.0"><body>${outlines}</body></opml>` });
  ctx.store.close();

  const child = spawn(process.execPath, [FOOTNOTE_BIN, 'poll', '--data-dir', dir], { stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  t.after(() => child.kill('SIGKILL'));

  // Watch the library read-only from here, as another process would, and remember every committed article.
  const committed = new Map<number, string>();
  let watcher: Database.Database | null = null;
  let childDone = false;
  void exited.then(() => (childDone = true));
  while (!childDone) {
    await sleep(20);
    try {
      watcher ??= new Database(libraryPath(dir), { readonly: true, fileMustExist: true });
      for (const row of watcher.prepare('SELECT id, guid FROM article').iterate() as Iterable<{ id: number; guid: string }>) committed.set(row.id, row.guid);
    } catch {
      continue; // the child has not created the WAL index yet
    }
    // Two feeds' worth committed: well into the poll, far from its end.
    if (committed.size >= ITEMS * 2) break;
  }
  watcher?.close();
  assert.equal(childDone, false, 'the poll was still running when the test was ready to kill it');
  child.kill('SIGKILL');
  const end = await exited;
  assert.equal(end.signal, 'SIGKILL');
  assert.ok(committed.size < FEEDS * ITEMS, `killed midway (${committed.size} of ${FEEDS * ITEMS} articles committed)`);
  t.diagnostic(`killed after ${committed.size} committed articles`);

  const db = openLibrary(dir);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  const stored = new Map((db.prepare('SELECT id, guid FROM article').all() as { id: number; guid: string }[]).map((r) => [r.id, r.guid]));
  const lost = [...committed].filter(([id, guid]) => stored.get(id) !== guid);
  assert.deepEqual(lost, [], 'every article committed before the kill is still there, unchanged');
  // A feed's articles are committed together or not at all: no feed is left half-ingested.
  const perFeed = db.prepare('SELECT feed_id, count(*) AS n FROM article GROUP BY feed_id').all() as { feed_id: number; n: number }[];
  for (const f of perFeed) assert.equal(f.n, ITEMS, `feed ${f.feed_id} has all or none of its items`);
  db.close();

  const again = await runCliAsync(dir, ['poll', '--json'], 170_000);
  assert.equal(again.status, 0, again.stderr);
  const { failed } = JSON.parse(again.stdout) as { failed: unknown[] };
  const after = openLibrary(dir);
  t.after(() => after.close());
  assert.equal((after.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n, FEEDS * ITEMS, `the next poll completes the library (failed: ${JSON.stringify(failed)})`);
  assert.equal(after.pragma('integrity_check', { simple: true }), 'ok');
});
