// The API as a caller sees it, whatever carries the calls: one client type derived from the method table itself,
// so a caller names a method and gets its own argument and result types, and no result type is declared twice.
// Transports: IPC through the preload bridge and HTTP in web mode (renderer/src/api-client.ts, which may import
// only types from here), and in-process for the CLI and the engine's own timer (below).
import type { ApiArgs, ApiName, ApiResult } from './methods.ts';
import { invoke } from './methods.ts';
import type { ApiContext } from './define.ts';

export interface ApiClient {
  call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>>;
}

/** Calls the API in this process, through invoke(): the same argument checks and errors as IPC and HTTP. */
export function inProcessClient(ctx: ApiContext): ApiClient {
  return {
    // invoke() checked the arguments against this method's schema and returns what its handler returned.
    call: <K extends ApiName>(name: K, args: ApiArgs<K>) => invoke(ctx, name, args) as Promise<ApiResult<K>>,
  };
}
