// Each browser test gets its own `footnote serve` (port 0, a temporary library) started as a child process, the
// URL it prints, and a local feed server. Nothing is built here: dist/renderer comes from `npm install`'s prepare.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startLocalFeeds, type LocalFeeds } from './local-feeds.ts';

const root = join(import.meta.dirname, '..', '..');
const node = join(root, 'node_modules', '.bin', 'node');

export interface Served {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
}

async function serve(dataDir: string): Promise<{ child: ChildProcess; served: Served }> {
  const child = spawn(node, [join(root, 'bin', 'footnote.js'), 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`footnote serve exited with ${code}: ${stderr}`)));
  });
  const m = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)$/.exec(line);
  if (!m?.[1] || !m[2]) throw new Error(`footnote serve printed "${line}"`);
  return { child, served: { url: line, origin: m[1], token: m[2], dataDir } };
}

export const test = base.extend<{ app: Served; feeds: LocalFeeds; remoteRequests: string[] }>({
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'footnote-e2e-'));
    const { child, served } = await serve(dataDir);
    await use(served);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  },
  feeds: async ({}, use) => {
    const feeds = await startLocalFeeds();
    await use(feeds);
    await feeds.close();
  },
  /** Every request the page made to anything but 127.0.0.1: must stay empty. */
  remoteRequests: async ({ page }, use) => {
    const remote: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return; // data: and blob: never leave the machine
      if (url.hostname !== '127.0.0.1') remote.push(req.url());
    });
    await use(remote);
  },
});

export { expect };

export async function shot(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.screenshot({ path: join(root, 'test-results', 'screenshots', `${name}.png`) });
}

/** Opens the reader and subscribes to a local feed through the add dialog, as an analyst does; waits for its articles. */
export async function subscribeInUi(page: import('@playwright/test').Page, app: Served, url: string, articles: number): Promise<void> {
  await page.goto(app.url);
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(url);
  await page.getByTestId('add-feed-submit').click();
  await expect(page.getByTestId('list-total')).toHaveText(`${articles} article${articles === 1 ? '' : 's'}`);
}
