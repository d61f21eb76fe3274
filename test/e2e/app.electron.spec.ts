// The same reading flow in the real app window, wherever the Electron binary exists; elsewhere it skips and says
// why (the list reporter hides skip reasons, so it is also printed).
import { _electron as electron, test, expect, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectron } from './electron-binary.ts';
import { startLocalFeeds, rss, type LocalFeeds } from './local-feeds.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = findElectron();
if (bin.path === null) console.warn(`[electron e2e] skipping: ${bin.reason}`);

test.describe('the desktop app', () => {
  test.skip(bin.path === null, `SKIPPED: ${bin.reason}`);
  let app: ElectronApplication;
  let feeds: LocalFeeds;
  let dataDir: string;

  test.beforeAll(() => {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  });

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'footnote-electron-'));
    feeds = await startLocalFeeds();
    app = await electron.launch({ executablePath: bin.path as string, args: [join(root, 'out', 'main', 'index.js')], env: { ...process.env, FOOTNOTE_DATA_DIR: dataDir } });
  });

  test.afterEach(async () => {
    await app.close();
    await feeds.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens a sandboxed window, subscribes, reads, stars and refuses navigation', async () => {
    feeds.set('/news.xml', rss('Desktop News', Array.from({ length: 5 }, (_, i) => ({
      guid: `d${i}`, title: `Desktop story ${i + 1}`, link: `${feeds.origin}/a/${i}`, html: `<p>Desktop body ${i + 1}</p>`, date: new Date(Date.UTC(2026, 10, 24) - i * 60_000),
    }))));
    const page = await app.firstWindow();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    await page.getByTestId('add-feed').click();
    await page.getByTestId('add-feed-url').fill(feeds.url('/news.xml'));
    await page.getByTestId('add-feed-submit').click();
    await expect(page.getByTestId('list-total')).toHaveText('5 articles');
    await page.getByTestId('article-row').first().click();
    await expect(page.getByTestId('reader')).toContainText('Desktop body 1');
    await page.keyboard.press('j');
    await expect(page.getByTestId('reader')).toContainText('Desktop body 2');
    await page.keyboard.press('s');
    await expect(page.getByTestId('star-button')).toHaveAttribute('aria-pressed', 'true');
    const before = page.url();
    await page.evaluate(() => { location.href = 'https://example.org/'; });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    await page.screenshot({ path: join(root, 'test-results', 'screenshots', 'electron-reader.png') });
  });
});
