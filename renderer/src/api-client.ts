// The renderer's one way to the API: window.footnote in the app (preload, IPC), HTTP + Server-Sent Events in web
// mode. Both are transports of the one client type of electron/api/client.ts, typed from the API's own method
// table. Only types come from electron/: the code there never reaches the browser.
import type { ApiArgs, ApiName, ApiResult } from '../../electron/api/methods.ts';
import type { ApiClient } from '../../electron/api/client.ts';
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

export interface RendererClient extends ApiClient {
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

/** Carries one call and brings back what the method's handler returned (the engine checked the arguments against
 * the same method table the types come from), or throws its error with its code. */
type Transport = (name: ApiName, args: unknown) => Promise<unknown>;

function typed(transport: Transport): ApiClient['call'] {
  return <K extends ApiName>(name: K, args: ApiArgs<K>) => transport(name, args) as Promise<ApiResult<K>>;
}

function bridgeClient(bridge: FootnoteBridge): RendererClient {
  const ipc: Transport = async (name, args) => {
    const fn = bridge.methods[name];
    if (typeof fn !== 'function') throw new ApiCallError('not_found', `Unknown API method "${name}".`);
    const reply: BridgeReply = await fn(args);
    if (reply.ok) return reply.value;
    throw new ApiCallError(reply.code, reply.error);
  };
  return {
    mode: 'app',
    call: typed(ipc),
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

function httpClient(): RendererClient {
  const token = takeToken();
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  const http: Transport = async (name, args) => {
    const res = await fetch(`api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const error = (body ?? {}) as { error?: string; code?: string };
      throw new ApiCallError(error.code ?? 'failed', error.error ?? `The server answered ${res.status} ${res.statusText}.`);
    }
    return body;
  };
  return {
    mode: 'web',
    onCommand: () => () => undefined,
    call: typed(http),
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

export const api: RendererClient = window.footnote ? bridgeClient(window.footnote) : httpClient();
