// Settings → Library in web mode against a real PostgreSQL that this spec starts on 127.0.0.1: the library in use
// is named, a wrong password and a good connection are reported in words, and "Use this library" saves the choice
// for the next start without writing the password anywhere (web mode keeps none and says so).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, shot } from './fixtures.ts';
import { startServer } from '../support/postgres.ts';

test('Settings → Library tests a team library\'s connection and saves it without the password', async ({ page, app }) => {
  test.setTimeout(120_000); // initdb and the server's start come first
  const server = await startServer();
  try {
    await page.goto(app.url);
    await page.getByTestId('more-menu').click();
    await page.getByTestId('library-settings').click();
    await expect(page.getByTestId('library-in-use')).toHaveText(`Local library: ${join(app.dataDir, 'footnote.db')}`);
    await expect(page.getByTestId('library-password-note')).toContainText('never saves a password');

    await page.getByTestId('library-url').fill(`postgres://postgres:wrong@127.0.0.1:${server.port}/postgres?sslmode=disable`);
    await expect(page.getByTestId('library-host')).toHaveValue('127.0.0.1');
    await expect(page.getByTestId('library-url')).toHaveValue(''); // the URL's password is not left on screen
    await expect(page.getByTestId('library-sslmode')).toHaveValue('disable');
    await page.getByTestId('library-test').click();
    await expect(page.getByTestId('library-test-result')).toContainText('The server refused the user name or password');

    await page.getByTestId('library-password').fill(server.password);
    await page.getByTestId('library-test').click();
    const result = page.getByTestId('library-test-result');
    await expect(result).toContainText(/Connection works: PostgreSQL \d+\.\d+, database "postgres" as "postgres", schema "footnote"\./);
    await expect(result).toContainText('✓ Server version: PostgreSQL');
    await expect(result).toContainText('Footnote creates its tables on first use');

    await shot(page, 'library-settings');
    await page.getByTestId('library-use').click();
    await expect(page.getByTestId('library-message')).toContainText('Restart Footnote to switch. The password was not saved.');
    await expect(page.getByTestId('library-restart')).toHaveText('Saved for the next start: database “postgres” on 127.0.0.1. Restart Footnote to switch.');
    const settings = readFileSync(join(app.dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain(server.password);
    expect(JSON.parse(settings).teamLibrary).toMatchObject({ host: '127.0.0.1', port: server.port, database: 'postgres', user: 'postgres' });
  } finally {
    await server.stop();
  }
});
