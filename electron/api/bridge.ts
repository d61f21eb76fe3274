// What the preload puts on window.footnote, as types only: the renderer imports these, preload.ts implements them.
import type { AppEvent } from '../events.ts';

/** A call's outcome crosses IPC as data: an Error thrown in the main process would lose its code on the way. */
export type BridgeReply = { ok: true; value: unknown } | { ok: false; error: string; code: string };

export interface FootnoteBridge {
  /** One invoke-only function per API method name. */
  readonly methods: Readonly<Record<string, (args: unknown) => Promise<BridgeReply>>>;
  onEvent: (listener: (event: AppEvent) => void) => () => void;
  /** The application menu's commands that the UI carries out (its keyboard shortcuts do the same). */
  onCommand: (listener: (command: MenuCommand) => void) => () => void;
}

export type MenuCommand = 'add-feed' | 'refresh' | 'search' | 'help' | 'mark-all-read';

export const IPC_API = 'footnote:api';
export const IPC_EVENT = 'footnote:event';
export const IPC_NAMES = 'footnote:api-names';
export const IPC_COMMAND = 'footnote:command';
