// The one API of Footnote: every method, its argument schema and handler. The window (IPC), web mode (HTTP)
// and the CLI all call invoke(); the renderer imports only the types below.
import type { z } from 'zod';
import { ApiError, type ApiContext } from './define.ts';
import { systemApi } from './system.ts';
import { readerApi } from './reader.ts';
import { settingsApi } from './settings.ts';
import { feedsApi } from './feeds.ts';
import { searchApi } from './search.ts';
import { tagsApi } from './tags.ts';
import { labelsApi } from './labels.ts';
import { fullTextApi } from './fulltext.ts';
import { describeArgIssue } from './arg-errors.ts';
import { evidenceApi } from './evidence.ts';
import { asApiError } from './errors.ts';
import { libraryApi } from './library.ts';

const methods = {
  ...systemApi,
  ...readerApi,
  ...settingsApi,
  ...feedsApi,
  ...searchApi,
  ...tagsApi,
  ...labelsApi,
  ...fullTextApi,
  ...evidenceApi,
  ...libraryApi,
};

type Methods = typeof methods;
export type ApiName = keyof Methods;
export type ApiArgs<K extends ApiName> = z.input<Methods[K]['args']>;
export type ApiResult<K extends ApiName> = Awaited<ReturnType<Methods[K]['run']>>;
/** What the renderer sees as window.footnote (and the web-mode client mirrors). */
export type Api = { [K in ApiName]: (args: ApiArgs<K>) => Promise<ApiResult<K>> };

export const apiNames = Object.keys(methods) as ApiName[];

export function isApiName(name: string): name is ApiName {
  return Object.hasOwn(methods, name);
}

/** Validates the arguments, then runs the method. Bad arguments never reach a handler. */
export async function invoke(ctx: ApiContext, name: string, args: unknown): Promise<unknown> {
  if (!isApiName(name)) throw new ApiError('not_found', `Unknown API method "${name}".`);
  const m = methods[name];
  const parsed = m.args.safeParse(args ?? {});
  if (!parsed.success) {
    throw new ApiError('bad_request', describeArgIssue(name, args ?? {}, parsed.error.issues[0]));
  }
  try {
    // The schema was checked just above; TypeScript cannot narrow a union of methods by name.
    return await (m.run as (c: ApiContext, a: unknown) => unknown)(ctx, parsed.data);
  } catch (err) {
    throw asApiError(err);
  }
}

export { ApiError, type ApiContext };
