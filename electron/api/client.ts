// The API as a caller sees it, whatever carries the calls: one client type derived from the method table itself,
// so a caller names a method and gets its own argument and result types, and no result type is declared twice.
// Transports: IPC through the preload bridge and HTTP in web mode (renderer/src/api-client.ts, which may import
// only types from here), the engine's message channel for the hosts (engine/host.ts), and in-process for the
// engine's own timer and for tests (below).
import type { ApiArgs, ApiName, ApiResult } from './methods.ts';
import { invoke } from './methods.ts';
import type { ApiContext } from './define.ts';
import type { AppEventListener } from '../events.ts';

export interface ApiClient {
  call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>>;
}

/** What routes untyped calls (HTTP bodies, IPC messages) to the API and its events back: the engine or this process. */
export interface ApiTransport {
  /** Checks the arguments against the method's schema and runs it; rejects with an ApiError. */
  invoke: (name: string, args: unknown) => Promise<unknown>;
  onEvent: (listener: AppEventListener) => () => void;
}

/** The typed client over any transport. */
export function clientOf(transport: Pick<ApiTransport, 'invoke'>): ApiClient {
  return {
    // The transport ran invoke(), which checked the arguments against this method's schema and returns what its
    // handler returned.
    call: <K extends ApiName>(name: K, args: ApiArgs<K>) => transport.invoke(name, args) as Promise<ApiResult<K>>,
  };
}

/** The API in this process, through invoke(): the same argument checks and errors as IPC and HTTP. */
export function inProcessTransport(ctx: ApiContext): ApiTransport {
  return { invoke: (name, args) => invoke(ctx, name, args), onEvent: (listener) => ctx.events.on(listener) };
}

export function inProcessClient(ctx: ApiContext): ApiClient {
  return clientOf(inProcessTransport(ctx));
}
