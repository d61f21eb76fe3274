// How an API method is declared: a zod schema for its arguments (the caller is untrusted: the renderer, a web
// page, a shell) and a handler. IPC, HTTP and the CLI all go through invoke() in methods.ts.
import type { z } from 'zod';
import type { Store } from '../store/store.ts';
import type { Settings } from '../settings.ts';
import type { EventBus } from '../events.ts';
import type { Enricher } from '../articles/enrichment.ts';
import type { PollLock } from '../poll/lock.ts';
import { CodedError } from '../errors.ts';

/** `unreachable`: what the request points to (a site, a page) could not be fetched; an expected failure, not a bug. */
export type ApiErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'unreachable' | 'failed';

export class ApiError extends CodedError<ApiErrorCode> {
  override name = 'ApiError';
}

/** What a handler runs on; the engine builds it (engine/context.ts). */
export interface ApiContext {
  /** The library: every read and write goes through it. */
  store: Store;
  settings: Settings;
  events: EventBus;
  polls: PollLock;
  /** What runs on each new or changed article, at ingest and after full text. */
  enrichers: Enricher[];
  /** The SQLite file of a local library, for Settings → Library (engine/context.ts sets it; absent on a team library). */
  libraryFile?: string | undefined;
  /** The library was named for this run (--database-url or FOOTNOTE_DATABASE_URL): the saved choice is not in force. */
  libraryOverride?: boolean | undefined;
}

export interface Method<S extends z.ZodType, R> {
  args: S;
  run: (ctx: ApiContext, args: z.output<S>) => R | Promise<R>;
}

export function method<S extends z.ZodType, R>(args: S, run: (ctx: ApiContext, args: z.output<S>) => R | Promise<R>): Method<S, R> {
  return { args, run };
}
