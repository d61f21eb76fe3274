// The engine's entry point, one file for both carriers: a worker_threads worker (web mode and the CLI, started by
// host.ts) or Electron's utility process (the app, started by main.ts), which has no worker parentPort but a
// process.parentPort whose messages arrive wrapped in an event. electron-vite bundles it as out/main/engine.js.
import { parentPort } from 'node:worker_threads';
import { runEngine } from './loop.ts';
import type { EngineMessage, HostMessage } from './protocol.ts';

/** Electron's process.parentPort, typed here because this file must not import electron (it also runs in Node). */
interface UtilityParentPort {
  on: (event: 'message', listener: (e: { data: HostMessage }) => void) => void;
  postMessage: (message: EngineMessage) => void;
}

const utilityPort = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;

if (parentPort) {
  const port = parentPort;
  runEngine({ post: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', listener) }, (code) => process.exit(code));
} else if (utilityPort) {
  runEngine({ post: (m) => utilityPort.postMessage(m), onMessage: (listener) => utilityPort.on('message', (e) => listener(e.data)) }, (code) => process.exit(code));
} else {
  throw new Error('engine/entry.ts runs as a worker thread or an Electron utility process, not on its own.');
}
