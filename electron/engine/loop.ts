// The engine's message loop: opens the library named by the host's first message, answers each call through
// invoke() (the same argument checks and errors as everywhere) and forwards the events of its bus. It runs on a
// worker thread (web mode, CLI) or in Electron's utility process (the app): see entry.ts.
import { invoke, apiNames, ApiError } from '../api/methods.ts';
import { openContext, type EngineContext } from './context.ts';
import type { Store } from '../store/store.ts';
import { startPollSchedule, type PollSchedule } from './poll-schedule.ts';
import { lowerEnginePriority } from './priority.ts';
import type { EngineMessage, EnginePort, HostMessage } from './protocol.ts';

/** Exit code of the test hook's crash, so that a test can tell it from any other exit. */
export const CRASH_EXIT_CODE = 86;

function replyTo(id: number, err: unknown): EngineMessage {
  return err instanceof ApiError
    ? { type: 'reply', id, ok: false, code: err.code, error: err.message }
    : { type: 'reply', id, ok: false, code: 'failed', error: (err as Error)?.message ?? String(err) };
}

export function runEngine(port: EnginePort, exit: (code: number) => void): void {
  let ctx: EngineContext<Store> | null = null;
  let schedule: PollSchedule | null = null;

  async function call(id: number, name: string, args: unknown): Promise<void> {
    if (!ctx) return port.post({ type: 'reply', id, ok: false, code: 'failed', error: 'The engine has no library open yet.' });
    try {
      port.post({ type: 'reply', id, ok: true, value: await invoke(ctx, name, args) });
    } catch (err) {
      port.post(replyTo(id, err));
    }
  }

  port.onMessage((message: HostMessage) => {
    switch (message.type) {
      case 'open':
        try {
          if (message.options.background) lowerEnginePriority();
          ctx = openContext(message.options.dataDir, { databaseUrl: message.options.databaseUrl, libraryOverride: message.options.libraryOverride });
          ctx.events.on((event) => port.post({ type: 'event', event }));
          if (message.options.schedule) schedule = startPollSchedule(ctx, (text) => console.error(`footnote: ${text}`));
          port.post({ type: 'ready', methods: apiNames });
        } catch (err) {
          port.post({ type: 'open-failed', message: (err as Error)?.message ?? String(err) });
        }
        return;
      case 'call':
        void call(message.id, message.name, message.args);
        return;
      case 'stop':
        schedule?.stop();
        void (ctx?.store.close() ?? Promise.resolve()).finally(() => {
          port.post({ type: 'stopped' });
          exit(0);
        });
        return;
      case 'crash':
        if (process.env['FOOTNOTE_TEST_HOOKS'] === '1') exit(CRASH_EXIT_CODE);
        return;
    }
  });
}
