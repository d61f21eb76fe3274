// Text the saved copy used to lose, one cause a test (found with scripts/extract-quality.ts on Readability's own
// test pages): blocks without letters (numbers, times, code punctuation) were dropped, and a short page was
// refused outright.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractArticle, NoArticleError } from '../electron/articles/extract.ts';

const page = (name: string): string => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');

test('numbers in table cells, a time on its own line and a number between sentences are kept', () => {
  const a = extractArticle(page('numbers-and-code.html'), 'https://courier.example/turnout');
  const lines = a.text.split('\n');
  for (const n of ['61.2', '68.9', '64.0', '66.3', '1,204,311', '1,387,950', '22:00', '77.7']) {
    assert.ok(lines.includes(n), `"${n}" is article text`);
  }
  assert.ok(a.html.includes('<td><p>61.2</p></td>'), 'the cell keeps its number in the HTML too');
});

test('a code listing keeps its punctuation, so its words stay apart', () => {
  const a = extractArticle(page('numbers-and-code.html'), 'https://courier.example/turnout');
  assert.ok(a.text.includes('const total = rows.reduce((a, r) => a + r.votes, 0);'), a.text);
  assert.ok(a.text.includes('console.log(total);'));
});

test('a view counter beside the story is still dropped (by its class), not the story\'s numbers', () => {
  const a = extractArticle(page('numbers-and-code.html'), 'https://courier.example/turnout');
  assert.ok(!a.text.includes('3,418'), 'the "story-views" counter is chrome');
});

test('a short article on a bare page is the article, not a refusal', () => {
  const a = extractArticle(page('short-brief.html'), 'https://courier.example/brief');
  assert.equal(a.text, 'The city airport reopened on Sunday after the storm, the operator said.');
});

test('a page drawn by scripts is still refused, with the reason', () => {
  assert.throws(() => extractArticle(page('script-shell.html'), 'https://courier.example/app'), (err: Error) =>
    err instanceof NoArticleError && err.reason === 'script-page' && /drawn by scripts/.test(err.message) && err.message.includes('https://courier.example/app'));
});
