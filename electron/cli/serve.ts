// `footnote serve [--port N]`: web mode. Prints exactly one line, the URL to open with its token, and runs
// until SIGINT or SIGTERM. The engine (library, poller on its schedule, extraction) runs on a worker thread, as it
// runs in a utility process in the app, with a reader and a search thread beside it for the window's lists and searches: this
// thread only answers HTTP and routes calls and events.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand } from './command.ts';
import { UsageError, stringOption } from './command.ts';
import { startServer } from '../server/server.ts';
import { startEngineWithReader } from '../engine/readers.ts';
import { openSettings } from '../settings.ts';
import { savedTeamLibraryUrl } from '../team-library.ts';

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
    const settings = openSettings(io.dataDir);
    // --database-url or FOOTNOTE_DATABASE_URL, else the team library saved under Settings → Library (its password
    // from PGPASSWORD: web mode keeps none), else the local library.
    const databaseUrl = io.databaseUrl ?? savedTeamLibraryUrl(settings);
    const engine = await startEngineWithReader({ dataDir: io.dataDir, databaseUrl, libraryOverride: io.databaseUrl !== undefined, schedule: true });
    const server = await startServer({ api: engine, settings, rendererDir: dir, port });
    // Test hook: SIGUSR2 crashes the engine (it exits only under FOOTNOTE_TEST_HOOKS=1), to prove recovery.
    if (process.env['FOOTNOTE_TEST_HOOKS'] === '1') process.on('SIGUSR2', () => engine.crashForTest());
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
    await server.close();
    await engine.close();
    return 0;
  },
};
