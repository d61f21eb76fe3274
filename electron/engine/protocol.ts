// The messages between a host (the web server, the CLI, the app's main process) and the engine. The host sends
// API calls by name, exactly as IPC and HTTP receive them; the engine answers with the value or with the ApiError's
// code and message as data (an Error does not keep its class across a thread or process boundary), and forwards
// every event of its bus.
import type { AppEvent } from '../events.ts';
import type { ApiErrorCode } from '../api/define.ts';

export interface EngineOptions {
  dataDir: string;
  /** A team library on PostgreSQL instead of the data directory's SQLite library (cli/database-url.ts). */
  databaseUrl?: string | undefined;
  /** databaseUrl was named for this run (--database-url or FOOTNOTE_DATABASE_URL), not by Settings → Library. */
  libraryOverride?: boolean | undefined;
  /** Run the poll timer (the app and web mode); one-shot CLI commands do not. */
  schedule: boolean;
  /** Run the engine's thread below the window's priority: it polls while a window reads (engine/priority.ts). */
  background?: boolean | undefined;
}

export type HostMessage =
  | { type: 'open'; options: EngineOptions }
  | { type: 'call'; id: number; name: string; args: unknown }
  | { type: 'stop' }
  /** Test hook (FOOTNOTE_TEST_HOOKS=1 only): the engine exits at once, as a crash would. */
  | { type: 'crash' };

export type EngineMessage =
  /** The library is open; `methods` are the API's method names (the app's preload asks for them). */
  | { type: 'ready'; methods: string[] }
  | { type: 'open-failed'; message: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; code: ApiErrorCode; error: string }
  | { type: 'event'; event: AppEvent }
  | { type: 'stopped' };

/** One side of the channel, whatever carries it (a worker_threads port or Electron's parentPort). */
export interface EnginePort {
  post: (message: EngineMessage) => void;
  onMessage: (listener: (message: HostMessage) => void) => void;
}
