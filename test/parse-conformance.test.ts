// The translated Universal Feed Parser conformance suite (test/conformance/): our parser must pass at least 90% of
// the checks. Bare rss-parser is scored on the same checks so the two numbers can be compared (PARSER.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedBytes } from '../electron/feeds/parse.ts';
import { runSuite, summaryTable } from './conformance/suite.ts';
import { parseWithRssParser } from './conformance/rss-parser-baseline.ts';

test('the conformance suite passes at least 90% of its checks, and beats bare rss-parser', async () => {
  const ours = await runSuite((bytes, opts) => parseFeedBytes(bytes, opts));
  const baseline = await runSuite((bytes) => parseWithRssParser(bytes), true);
  console.log(summaryTable([{ name: 'Footnote parse', result: ours }, { name: 'bare rss-parser', result: baseline }]));
  if (ours.failures.length > 0) console.log(`Footnote parse failures:\n  ${ours.failures.join('\n  ')}`);
  assert.ok(ours.total >= 150, `the suite should hold at least 150 checks, has ${ours.total}`);
  assert.ok(ours.passed / ours.total >= 0.9, `pass rate ${ours.passed}/${ours.total} is below 90%`);
  assert.ok(ours.passed > baseline.passed, 'the replacement should pass more checks than rss-parser');
});

test('every real-world quirk found by other readers\' parser suites is handled (cases/quirks, one case per quirk)', async () => {
  const ours = await runSuite((bytes, opts) => parseFeedBytes(bytes, opts));
  const quirks = ours.byClass.get('quirks');
  assert.ok(quirks && quirks.total >= 30, `the quirks class should hold at least 30 checks, has ${quirks?.total ?? 0}`);
  assert.deepEqual(ours.failures.filter((f) => f.startsWith('quirks/')), []);
});
