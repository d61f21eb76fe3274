// The saved copy keeps the article's lead image: the sharing image (og:image, twitter:image, JSON-LD image)
// when the body does not show it, the article's first <figure> with its caption when Readability drops it.
// It arrives sanitised like any image: the remote address waits in data-src until the user allows images.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../electron/articles/extract.ts';

const page = (name: string): string => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');
const dom = (html: string): Document => new JSDOM(html).window.document;

test('og:image the body does not show goes on top as a figure, its alt from og:image:alt, loading nothing', () => {
  const a = extractArticle(page('lead-og-image.html'), 'https://coast.example/news/ferry');
  const doc = dom(a.html);
  const first = doc.body.firstElementChild;
  assert.equal(first?.tagName, 'FIGURE');
  const img = first?.querySelector('img');
  assert.equal(img?.getAttribute('data-src'), 'https://cdn.coast.example/photos/2024/05/ferry-harbour-1200x630.jpg');
  assert.equal(img?.hasAttribute('src'), false, 'remote images stay held until the user allows them');
  assert.equal(img?.getAttribute('alt'), 'The morning ferry leaving the harbour');
  assert.equal(doc.querySelectorAll('img').length, 1, 'one lead image, not the logo');
  assert.ok(a.text.startsWith('Ferries between the mainland'), 'the text stays the article\'s words');
});

test('the first figure Readability drops comes back with its caption and its lazy-loaded image', () => {
  const a = extractArticle(page('lead-figure-dropped.html'), 'https://valley.example/bridge');
  const figure = dom(a.html).body.firstElementChild;
  assert.equal(figure?.tagName, 'FIGURE');
  assert.equal(figure?.querySelector('img')?.getAttribute('data-src'), 'https://img.valley.example/media/a1b2c3d4e5f60718293a/0_0_4000_2400/master/4000.jpg?width=620');
  assert.equal(figure?.querySelector('img')?.getAttribute('alt'), 'Engineers inspect the underside of the bridge');
  assert.equal(figure?.querySelector('figcaption')?.textContent, 'Engineers inspecting the underside of the Old Mill bridge on Thursday. Photograph: Ana Ruiz');
  assert.equal(dom(a.html).querySelectorAll('figure').length, 1, 'the og:image of the same photo is not added a second time');
});

test('a sharing image the body already shows in another size is not added again', () => {
  const a = extractArticle(page('lead-image-in-body.html'), 'https://news.example/2024/02/library');
  const doc = dom(a.html);
  assert.equal(doc.querySelectorAll('img').length, 1);
  assert.notEqual(doc.body.firstElementChild?.tagName, 'FIGURE', 'the body keeps its own figure where it was');
});

test('twitter:image and JSON-LD image stand in for og:image; a logo or an unsafe address is no lead image', () => {
  const story = `<article><h1>Storm</h1><p>${'The storm brought down power lines across the county overnight, the utility said. '.repeat(4)}</p></article>`;
  const lead = (head: string): Element | null => {
    const a = extractArticle(`<html><head><title>Storm</title>${head}</head><body>${story}</body></html>`, 'https://news.example/storm');
    const first = dom(a.html).body.firstElementChild;
    return first?.tagName === 'FIGURE' ? first : null;
  };
  assert.equal(lead('<meta name="twitter:image" content="/img/storm-lines.jpg">')?.querySelector('img')?.getAttribute('data-src'), 'https://news.example/img/storm-lines.jpg');
  const ld = lead('<script type="application/ld+json">{"@type":"NewsArticle","image":[{"@type":"ImageObject","contentUrl":"https://img.example/storm.jpg","caption":"Lines down near Ashby"}]}</script>');
  assert.equal(ld?.querySelector('img')?.getAttribute('data-src'), 'https://img.example/storm.jpg');
  assert.equal(ld?.querySelector('figcaption')?.textContent, 'Lines down near Ashby');
  assert.equal(lead('<meta property="og:image" content="https://news.example/static/site-logo.png">'), null);
  assert.equal(lead('<meta property="og:image" content="javascript:alert(1)">'), null);
  const hostile = lead('<meta property="og:image" content="https://img.example/a.jpg"><meta property="og:image:alt" content="&quot;><script>alert(1)</script><img src=x onerror=alert(1)>">');
  assert.equal(hostile?.querySelectorAll('script, [onerror]').length, 0);
  assert.equal(hostile?.querySelectorAll('img').length, 1, 'the alt text stays text');
});
