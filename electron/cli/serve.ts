// `footnote serve [--port N]`: web mode. Prints exactly one line, the URL to open with its token, and runs
// until SIGINT or SIGTERM. The poller runs on its schedule here too, as it does in the app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand } from './command.ts';
import { UsageError, stringOption } from './command.ts';
import { startServer } from '../server/server.ts';
import { startPollSchedule } from '../engine/poll-schedule.ts';

/** The built UI; FOOTNOTE_RENDERER_DIR points elsewhere (tests, packaged layouts). */
function rendererDir(): string {
  return process.env['FOOTNOTE_RENDERER_DIR'] ?? join(import.meta.dirname, '..', '..', 'dist', 'renderer');
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N]',
  summary: 'web mode: serve the reader on 127.0.0.1 and print the URL with its access token',
  options: { port: { type: 'string' } },
  run: async (io) => {
    const portText = stringOption(io, 'port') ?? '0';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}".`);
    const dir = rendererDir();
    if (!existsSync(join(dir, 'index.html'))) {
      throw new Error(`the web UI is not built (${dir} is missing): run "npm run build:renderer" or "npm run serve".`);
    }
    const ctx = io.context();
    const server = await startServer({ ctx, rendererDir: dir, port });
    const schedule = startPollSchedule(ctx, (message) => io.err(message));
    io.out(server.url);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    schedule.stop();
    await server.close();
    return 0;
  },
};
