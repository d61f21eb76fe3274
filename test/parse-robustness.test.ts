// Hostile and broken input: deep nesting, entity tricks, control characters, and the words of each refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeedBytes, FeedParseError } from '../electron/feeds/parse.ts';
import { tempDir } from './helpers.ts';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

test('100,000 nested elements neither overflow the stack nor lose the items around them', () => {
  const depth = 100_000;
  const deep = `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
  const xml = `<rss version="2.0"><channel><title>Deep</title><item><title>before</title></item>`
    + `<item><title>nested</title><description>${deep}</description></item>`
    + `<item><title>after</title></item>${'<x>'.repeat(depth)}</channel></rss>`;
  const feed = parseFeedBytes(bytes(xml));
  assert.deepEqual(feed.items.map((i) => i.title), ['before', 'nested', 'after']);
  assert.equal(feed.items[1]?.summary?.length, deep.length);
  // And inside inline XHTML, which is serialised element by element.
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><content type="xhtml">${deep}</content></entry></feed>`;
  assert.equal(parseFeedBytes(bytes(atom)).items[0]?.content?.length, deep.length - '<div></div>'.length);
});

test('100,000 levels of escaped HTML in a title are read as text, without the parser walking the nesting', () => {
  const escaped = `${'&lt;b&gt;'.repeat(100_000)}Deep &amp;amp; title${'&lt;/b&gt;'.repeat(100_000)}`;
  const feed = parseFeedBytes(bytes(`<rss version="2.0"><channel><title>t</title><item><title>${escaped}</title></item></channel></rss>`));
  assert.equal(feed.items[0]?.title, 'Deep & title');
});

test('deeper than 120,000 levels the XML is refused with a clear error', () => {
  const xml = `<rss version="2.0"><channel><title>Deep</title><item><title>x</title><description>${'<a>'.repeat(130_000)}</description></item></channel></rss>`;
  assert.throws(() => parseFeedBytes(bytes(xml)), (err: Error) => err instanceof FeedParseError && /nests elements more than 120000 levels/.test(err.message));
});

test('an external entity is never read, even when the file exists', (t) => {
  const dir = tempDir(t);
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET');
  const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}">]>`
    + '<rss version="2.0"><channel><title>x&xxe;</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>';
  const out = JSON.stringify(parseFeedBytes(bytes(xml)));
  assert.doesNotMatch(out, /TOP-SECRET/);
  assert.equal(parseFeedBytes(bytes(xml)).items.length, 1);
});

test('an entity-expansion bomb stays a few bytes', () => {
  let dtd = '<!ENTITY a0 "lollollollollol">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
  const xml = `<?xml version="1.0"?><!DOCTYPE rss [${dtd}]><rss version="2.0"><channel><title>&a9;</title><item><title>i</title></item></channel></rss>`;
  const feed = parseFeedBytes(bytes(xml));
  assert.ok(JSON.stringify(feed).length < 1000);
});

test('control characters and lone surrogates never reach the output', () => {
  const xml = '<rss version="2.0"><channel><title>a\u0001b\u001Fc\u007Fd</title><item><title>t&#0;&#xDFFF;&#x1F600;</title>'
    + '<description>x\u0008y</description></item></channel></rss>';
  const feed = parseFeedBytes(bytes(xml));
  assert.equal(feed.title, 'abcd');
  assert.equal(feed.items[0]?.title, 't\uFFFD\uFFFD😀');
  assert.equal(feed.items[0]?.summary, 'xy');
  const json = '{"version":"https://jsonfeed.org/version/1.1","title":"\\ud800T","items":[{"id":"1","title":"\\udc00x\\u0002"}]}';
  const jf = parseFeedBytes(bytes(json));
  assert.equal(jf.title, 'T');
  assert.equal(jf.items[0]?.title, 'x');
});

function refusal(input: string, contentType?: string): string {
  try {
    parseFeedBytes(bytes(input), { contentType: contentType ?? null });
  } catch (err) {
    assert.ok(err instanceof FeedParseError, `expected a FeedParseError, got ${String(err)}`);
    return err.message;
  }
  assert.fail(`expected a refusal for ${input.slice(0, 40)}`);
}

test('each refusal says what is wrong in words a user understands', () => {
  assert.match(refusal('<!doctype html><html><body>hi</body></html>'), /^This is an HTML page, not a feed/);
  assert.match(refusal('<html><head><title>x</title></head></html>'), /^This is an HTML page, not a feed/);
  assert.match(refusal(''), /^The document is empty/);
  assert.match(refusal('   \n'), /^The document is empty/);
  assert.match(refusal('Bad gateway'), /^This is not a feed: it is neither XML nor JSON/);
  assert.match(refusal('<?xml version="1.0"?><opml version="2.0"><head/></opml>'), /^This is not a feed: the document's top element is <opml>/);
  assert.match(refusal('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item'), /^The XML is broken at line 4: /);
  assert.match(refusal('{"items": [1,'), /^The JSON is broken: /);
  assert.match(refusal('{"title": "x"}'), /^This is JSON but not a JSON Feed/);
  assert.match(refusal('[1, 2]', 'application/json'), /^This is JSON but not a JSON Feed/);
});

test('a truncated feed keeps its complete items', () => {
  const feed = parseFeedBytes(bytes('<rss version="2.0"><channel><title>T</title><item><title>one</title></item><item><title>tw'));
  assert.equal(feed.title, 'T');
  assert.equal(feed.items[0]?.title, 'one');
});

test('javascript:, data: and file: links are dropped, http and mailto kept', () => {
  const xml = '<rss version="2.0"><channel><title>t</title><link>javascript:alert(1)</link>'
    + '<item><title>a</title><link> JaVa\tScript:alert(1)</link></item>'
    + '<item><title>b</title><link>data:text/html,&lt;script&gt;</link></item>'
    + '<item><title>c</title><link>file:///etc/passwd</link></item>'
    + '<item><title>d</title><link>https://example.com/ok</link></item></channel></rss>';
  const feed = parseFeedBytes(bytes(xml));
  assert.equal(feed.link, null);
  assert.deepEqual(feed.items.map((i) => i.link), [null, null, null, 'https://example.com/ok']);
  const json = '{"version":"https://jsonfeed.org/version/1.1","home_page_url":"javascript:x()","items":[{"id":"1","url":"mailto:a@b.c"}]}';
  const jf = parseFeedBytes(bytes(json));
  assert.equal(jf.link, null);
  assert.equal(jf.items[0]?.link, 'mailto:a@b.c');
});
