// The worker side of worker-pool.ts: a task function wrapped so that the pool hears the moment the task starts
// (not when it was queued), which is when its time limit starts counting. Imports nothing of the app's layers.
import type { MessagePort } from 'node:worker_threads';

/** What the pool posts to a worker: the caller's task and the port to say "started" on. */
export interface TimedTask<T> {
  task: T;
  started: MessagePort;
}

/** Wraps a worker's task function for WorkerPool: says "started" (and when, Date.now()) on the task's port, then
 * runs it. */
export function timedTask<T, R>(run: (task: T) => R): (message: TimedTask<T>) => R {
  return ({ task, started }) => {
    started.postMessage(Date.now());
    return run(task);
  };
}
