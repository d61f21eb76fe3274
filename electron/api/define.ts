// How an API method is declared: a zod schema for its arguments (the caller is untrusted: the renderer, a web
// page, a shell) and a handler. IPC, HTTP and the CLI all go through invoke() in api.ts.
import type { z } from 'zod';
import type { Db } from '../store/sqlite/db.ts';
import type { Settings } from '../settings.ts';
import type { EventBus } from '../events.ts';
import { CodedError } from '../errors.ts';

export type ApiErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'failed';

export class ApiError extends CodedError<ApiErrorCode> {
  override name = 'ApiError';
}

export interface ApiContext {
  db: Db;
  dataDir: string;
  settings: Settings;
  events: EventBus;
}

export interface Method<S extends z.ZodType, R> {
  args: S;
  run: (ctx: ApiContext, args: z.output<S>) => R | Promise<R>;
}

export function method<S extends z.ZodType, R>(args: S, run: (ctx: ApiContext, args: z.output<S>) => R | Promise<R>): Method<S, R> {
  return { args, run };
}
