// The polling engine yields the CPU to the window's threads. Ingest and extraction are synchronous and can keep a
// core busy for a whole heavy poll; on a machine with few cores the reader thread and the HTTP/IPC host then wait
// for a time slice behind it, and the window's lists and searches stall (BENCHMARKS.md, responsiveness). A lower
// scheduling priority for the engine's thread costs the poll nothing when the machine is otherwise idle.
import { readlinkSync } from 'node:fs';
import { constants, platform, setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/**
 * Lowers the priority of the calling thread only. On Linux a thread has its own nice value, set through its
 * thread id (/proc/thread-self names it), and the threads it starts later (the feed parser) inherit it. Elsewhere
 * the priority belongs to the whole process, so it is lowered only when the engine has a process of its own (the
 * app's utility process), never on a worker thread that shares its process with the host. Returns whether it did.
 */
export function lowerEnginePriority(): boolean {
  const below = constants.priority.PRIORITY_BELOW_NORMAL;
  try {
    if (platform() === 'linux') {
      // "/proc/thread-self" links to "<pid>/task/<tid>".
      const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
      if (!Number.isInteger(tid) || tid <= 0) return false;
      setPriority(tid, below);
      return true;
    }
    if (!isMainThread) return false;
    setPriority(below);
    return true;
  } catch {
    // A sandbox may refuse it: the engine then runs at the window's priority, as before.
    return false;
  }
}
