// The renderer's only door to the main process: window.footnote holds one invoke-only function per API method,
// an event subscription and the menu's commands. No Node, no ipcRenderer, nothing else crosses the bridge.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent } from './events.ts';
import { IPC_API, IPC_COMMAND, IPC_EVENT, IPC_NAMES, type BridgeReply, type FootnoteBridge, type MenuCommand } from './api/bridge.ts';

const names = ipcRenderer.sendSync(IPC_NAMES) as string[];

const methods: Record<string, (args: unknown) => Promise<BridgeReply>> = {};
for (const name of names) methods[name] = (args) => ipcRenderer.invoke(IPC_API, name, args) as Promise<BridgeReply>;

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.off(channel, handler);
}

const bridge: FootnoteBridge = {
  methods: Object.freeze(methods),
  onEvent: (listener) => subscribe<AppEvent>(IPC_EVENT, listener),
  onCommand: (listener) => subscribe<MenuCommand>(IPC_COMMAND, listener),
};

contextBridge.exposeInMainWorld('footnote', bridge);
