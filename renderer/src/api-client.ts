// The renderer's one way to the API: window.footnote in the app (preload, IPC), HTTP + Server-Sent Events in web
// mode. Only types come from electron/: the code there never reaches the browser.
import type { ApiArgs, ApiName, ApiResult } from '../../electron/api/methods.ts';
import type { AppEvent } from '../../electron/events.ts';
import type { BridgeReply, FootnoteBridge, MenuCommand } from '../../electron/api/bridge.ts';

export class ApiCallError extends Error {
  override name = 'ApiCallError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export interface ApiClient {
  call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>>;
  /** Methods whose types may not exist in this build yet (other parts of the app): results are the caller's to check. */
  callByName<T>(name: string, args: unknown): Promise<T>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** The app's menu commands; web mode has no menu, so nothing ever arrives there. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
  readonly mode: 'app' | 'web';
}

declare global {
  interface Window {
    footnote?: FootnoteBridge;
  }
}

function unwrap(reply: BridgeReply): unknown {
  if (reply.ok) return reply.value;
  throw new ApiCallError(reply.code, reply.error);
}

function bridgeClient(bridge: FootnoteBridge): ApiClient {
  const callByName = async <T>(name: string, args: unknown): Promise<T> => {
    const fn = bridge.methods[name];
    if (typeof fn !== 'function') throw new ApiCallError('not_found', `Unknown API method "${name}".`);
    return unwrap(await fn(args)) as T;
  };
  return {
    mode: 'app',
    call: (name, args) => callByName(name, args),
    callByName,
    onEvent: (listener) => bridge.onEvent(listener),
    onCommand: (listener) => bridge.onCommand(listener),
  };
}

const TOKEN_KEY = 'footnote.token';

/** The token arrives in the URL fragment (never sent to a server); it moves to this tab's session storage at once. */
function takeToken(): string {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpClient(): ApiClient {
  const token = takeToken();
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  const callByName = async <T>(name: string, args: unknown): Promise<T> => {
    const res = await fetch(`api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    const body = (await res.json().catch(() => null)) as { error?: string; code?: string } | null;
    if (!res.ok) {
      throw new ApiCallError(body?.code ?? 'failed', body?.error ?? `The server answered ${res.status} ${res.statusText}.`);
    }
    return body as T;
  };
  return {
    mode: 'web',
    onCommand: () => () => undefined,
    call: (name, args) => callByName(name, args),
    callByName,
    onEvent: (listener) => {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
        source.onmessage = (message: MessageEvent<string>) => {
          const event = JSON.parse(message.data) as AppEvent;
          for (const l of listeners) l(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}

export const api: ApiClient = window.footnote ? bridgeClient(window.footnote) : httpClient();

/** True when the error says the method is not part of this build (another part of the app has not landed). */
export function isMissingMethod(err: unknown): boolean {
  return err instanceof ApiCallError && err.code === 'not_found' && /Unknown API method/.test(err.message);
}
