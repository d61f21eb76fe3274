// The one API of Footnote: every method, its argument schema and handler. The window (IPC), web mode (HTTP)
// and the CLI all call invoke(); the renderer imports only the types below.
import type { z } from 'zod';
import { ApiError, type ApiContext } from './api/define.ts';
import { systemApi } from './api/system.ts';
import { readerApi } from './api/reader.ts';
import { settingsApi } from './api/settings.ts';
import { feedsApi } from './api/feeds.ts';
import { searchApi } from './api/search.ts';
import { tagsApi } from './api/tags.ts';
import { labelsApi } from './api/labels.ts';
import { fullTextApi } from './api/fulltext.ts';
import { openLibrary } from './store/db.ts';
import { openSettings, type Settings } from './settings.ts';
import { EventBus } from './events.ts';

const methods = {
  ...systemApi,
  ...readerApi,
  ...settingsApi,
  ...feedsApi,
  ...searchApi,
  ...tagsApi,
  ...labelsApi,
  ...fullTextApi,
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
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new ApiError('bad_request', `Invalid arguments for ${name}${where}: ${issue?.message ?? 'rejected'}.`);
  }
  // The schema was checked just above; TypeScript cannot narrow a union of methods by name.
  return (m.run as (c: ApiContext, a: unknown) => unknown)(ctx, parsed.data);
}

export function createContext(dataDir: string, settings: Settings = openSettings(dataDir)): ApiContext {
  return { db: openLibrary(dataDir), dataDir, settings, events: new EventBus() };
}

export { ApiError, type ApiContext };
