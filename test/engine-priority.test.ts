// The polling engine runs below the window's priority (engine/priority.ts): on Linux its own thread gets a nice
// value of 10, read back here from /proc, while the thread that called it (the host: HTTP server, IPC) and the
// reader thread beside the engine keep theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { platform } from 'node:os';
import { Worker } from 'node:worker_threads';
import { tempDir } from './helpers.ts';
import { startEngineWithReader } from '../electron/engine/readers.ts';

const linux = platform() === 'linux';
const why = 'per-thread priorities are read from /proc, which only Linux has';

/** The nice value of a thread of this process: field 19 of its stat line (fields counted after the command). */
function niceOf(tid: string): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

const threads = (): string[] => readdirSync('/proc/self/task');
const self = (): string => readlinkSync('/proc/thread-self').split('/').pop() as string;

test('lowerEnginePriority lowers the calling thread only', { skip: linux ? false : why }, async () => {
  const script = `
    const { parentPort } = require('node:worker_threads');
    const { readlinkSync } = require('node:fs');
    import(${JSON.stringify(new URL('../electron/engine/priority.ts', import.meta.url).href)}).then((m) => {
      parentPort.postMessage({ lowered: m.lowerEnginePriority(), tid: readlinkSync('/proc/thread-self').split('/').pop() });
    });
    setTimeout(() => {}, 5000);`;
  const worker = new Worker(script, { eval: true });
  try {
    const { lowered, tid } = await new Promise<{ lowered: boolean; tid: string }>((resolve) => worker.once('message', resolve));
    assert.equal(lowered, true);
    assert.equal(niceOf(tid), 10, 'the worker that asked runs at nice 10');
    assert.equal(niceOf(self()), 0, 'the thread that started it keeps nice 0');
  } finally {
    await worker.terminate();
  }
});

test('startEngineWithReader: the engine thread runs at nice 10, the host thread and the reader answer at nice 0', { skip: linux ? false : why }, async (t) => {
  const before = new Set(threads());
  const engine = await startEngineWithReader({ dataDir: tempDir(t), schedule: false });
  try {
    const started = threads().filter((tid) => !before.has(tid));
    const lowered = started.filter((tid) => niceOf(tid) === 10);
    assert.ok(lowered.length >= 1, `one of the new threads (${started.join(', ')}) should run at nice 10`);
    assert.ok(started.some((tid) => niceOf(tid) === 0), 'the reader thread keeps nice 0');
    assert.equal(niceOf(self()), 0);
    // Both threads still answer.
    assert.deepEqual(await engine.invoke('articles.list', { view: 'all' }), { total: 0, items: [] });
    assert.ok(Array.isArray(await engine.invoke('feeds.list', {})));
  } finally {
    await engine.close();
  }
});
