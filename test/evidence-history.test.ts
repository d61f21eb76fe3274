// Issue 13's test: a local server serves a feed and its pages, then edits one article's text, adds a footnote
// label to another, deletes a third (404) and changes only an ad on a fourth (a fifth drops out of the feed
// but stays online). After two polls and a re-check the versions, diffs, label changes and deletion are exactly
// as expected, the fourth has one version, and the fifth is not deleted. On a local library and on a team library
// (PostgreSQL): the same poller, API and WARC export, the same answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WARCParser } from 'warcio';
import { invoke } from '../electron/api/methods.ts';
import { textSha256 } from '../electron/articles/versions.ts';
import type { TestContext } from 'node:test';
import { base, edited, labelled, runScenario, T0, T1, T2 } from './support/evidence-scenario.ts';
import { postgresForFile } from './support/postgres.ts';
import type { StoredCapture } from '../electron/store/records.ts';
import { tempDir } from './helpers.ts';

const server = postgresForFile();

/** Where the scenario's library lives: a new local library, or a new team library on this file's server. */
const engines: { name: string; url(t: TestContext): Promise<string | undefined> }[] = [
  { name: 'SQLite', url: async () => undefined },
  { name: 'PostgreSQL', url: async (t) => (await server().database(t)).url },
];

for (const engine of engines) {

  test(`${engine.name}: two polls and a re-check: versions, word diffs, label changes and the deletion are exactly as expected`, async (t) => {
    const { ctx, ids } = await runScenario(t, await engine.url(t));
    const versions = async (id: number): Promise<{ n: number; firstSeen: string; lastSeen: string; sha256: string; title: string; labels: unknown[] }[]> =>
      await invoke(ctx, 'articles.versions', { id }) as never;

    const edit = await versions(ids.edit);
    assert.deepEqual(edit.map((v) => [v.n, v.firstSeen, v.lastSeen]), [[1, T0.toISOString(), T0.toISOString()], [2, T1.toISOString(), T2.toISOString()]]);
    assert.equal(edit[0]?.sha256, textSha256(base.edit.join('\n')));
    assert.equal(edit[1]?.sha256, textSha256(edited.join('\n')));
    const diff = await invoke(ctx, 'articles.diff', { id: ids.edit }) as { from: number; to: number; title: unknown[]; text: { op: string; text: string }[]; labels: { added: unknown[]; removed: unknown[] } };
    assert.deepEqual([diff.from, diff.to], [1, 2]);
    assert.deepEqual(diff.title, [{ op: 'equal', text: 'Story edit' }]);
    assert.deepEqual(diff.text.filter((p) => p.op !== 'equal'), [{ op: 'insert', text: 'fragile ' }]);
    assert.equal(diff.text.filter((p) => p.op !== 'insert').map((p) => p.text).join(''), base.edit.join('\n'));
    assert.deepEqual(diff.labels, { added: [], removed: [], kindChanged: [] });

    const label = await versions(ids.label);
    assert.equal(label.length, 2);
    assert.deepEqual(label[0]?.labels, []);
    assert.deepEqual(label[1]?.labels, [{ kind: 'extremist', entity: 'Meta', canonical: null }]);
    const labelDiff = await invoke(ctx, 'articles.diff', { id: ids.label, from: 1, to: 2 }) as { labels: { added: unknown[]; removed: unknown[] }; text: { op: string; text: string }[] };
    assert.deepEqual(labelDiff.labels.added, [{ kind: 'extremist', entity: 'Meta', canonical: null }]);
    assert.deepEqual(labelDiff.labels.removed, []);
    // The runs give back both texts byte for byte, and the footnote is among the insertions.
    assert.equal(labelDiff.text.filter((p) => p.op !== 'insert').map((p) => p.text).join(''), base.label.join('\n'));
    assert.equal(labelDiff.text.filter((p) => p.op !== 'delete').map((p) => p.text).join(''), labelled.join('\n'));
    assert.match(labelDiff.text.filter((p) => p.op === 'insert').map((p) => p.text).join(''), /\*Meta is recognised as an extremist organisation/);

    assert.equal((await versions(ids.ad)).length, 1, 'an ad that rotates is not an edit');
    assert.equal((await versions(ids.dropped)).length, 1);
    assert.equal((await versions(ids.gone)).length, 1);

    assert.deepEqual(await ctx.store.evidence.articleIds('is:deleted'), [ids.gone], 'dropping out of the feed is not deletion');
    const gone = await ctx.store.evidence.dossier(ids.gone);
    assert.equal(gone?.deletion?.at, T2.toISOString());
    assert.equal(gone?.deletion?.status, 404);
    assert.match(gone?.deletion?.reason ?? '', /404/);
    assert.equal((await ctx.store.pages.fullText(ids.gone))?.text, base.gone.join('\n'), 'the local copy is kept');
    const evidence = gone?.captures.filter((c) => c.kind === 'recheck') ?? [];
    assert.deepEqual(evidence.map((c) => c.status), [404]);
    assert.match(Buffer.from(evidence[0]?.responseHead ?? []).toString('latin1'), /^HTTP\/1\.1 404 /);

    await assert.rejects(invoke(ctx, 'articles.diff', { id: ids.ad, from: 1, to: 2 }), /has no version 2/);

    const found = async (q: string): Promise<number[]> => ((await invoke(ctx, 'search.query', { q, limit: 50 })) as { hits: { id: number }[] }).hits.map((h) => h.id).sort();
    assert.deepEqual(await found('is:edited'), [ids.edit, ids.label].sort());
    assert.deepEqual(await found('is:deleted'), [ids.gone]);
    assert.deepEqual(await found('label-changed:added'), [ids.label]);
    assert.deepEqual(await found('label-changed:extremist'), [ids.label]);
    assert.deepEqual(await found('label-changed:meta'), [ids.label]);
    assert.deepEqual(await found('label-changed:removed'), []);
    assert.deepEqual(await found('ceasefire AND NOT is:edited'), []);
    assert.deepEqual(await ctx.store.tags.ofArticle(ids.label), ['edited', 'footnote-added']);
    assert.deepEqual(await ctx.store.tags.ofArticle(ids.edit), ['edited']);
    assert.deepEqual(await ctx.store.tags.ofArticle(ids.ad), []);
  });

  test(`${engine.name}: the evidence WARC of the scenario, read back with warcio: record count, headers and digests match the stored bytes`, async (t) => {
    const { ctx, ids } = await runScenario(t, await engine.url(t));
    const dir = tempDir(t);
    const path = join(dir, 'evidence.warc.gz');
    const result = await invoke(ctx, 'evidence.exportWarc', { path }) as { articles: number; fetches: number; records: number; manifestJson: string; manifestCsv: string };
    const byDigest = new Map<string, StoredCapture>();
    let expectedFetches = 0;
    for (const id of Object.values(ids)) {
      const captures = (await ctx.store.evidence.dossier(id))?.captures ?? [];
      for (const c of captures) byDigest.set(`sha256:${c.sha256}`, c);
      expectedFetches += captures.length;
    }
    // Every article: its five first-poll feed items, two second-poll edits, four re-checked pages and the 404.
    assert.equal(expectedFetches, 5 + 2 + 4 + 1);
    assert.deepEqual([result.articles, result.fetches, result.records], [5, expectedFetches, 1 + 2 * expectedFetches + 5]);

    const parser = new WARCParser(createReadStream(path), { parseHttp: false, keepHeadersCase: true });
    const types: string[] = [];
    const metadata: { articleId: number; versions: { n: number }[]; deletion: unknown; labels: { kind: string; entity: string; evidence: string; start: number }[] }[] = [];
    for await (const record of parser) {
      const block = new Uint8Array(await record.readFully(false));
      const type = record.warcType as string;
      types.push(type);
      const header = (name: string): string | null => record.warcHeaders.headers.get(name) ?? null;
      assert.equal(header('WARC-Block-Digest'), type === 'warcinfo' ? header('WARC-Block-Digest') : `sha256:${createHash('sha256').update(block).digest('hex')}`);
      assert.match(header('WARC-Date') ?? '', /Z$/);
      if (type === 'response') {
        const stored = byDigest.get(header('WARC-Payload-Digest') ?? '');
        assert.ok(stored, 'every response payload is a stored capture');
        assert.deepEqual(Buffer.from(block), Buffer.concat([stored.responseHead, stored.body]), 'the block is the head and bytes as received');
        assert.equal(createHash('sha256').update(stored.body).digest('hex'), stored.sha256);
      }
      if (type === 'metadata') metadata.push(JSON.parse(Buffer.from(block).toString('utf8')));
    }
    assert.equal(types.filter((x) => x === 'response').length, expectedFetches);
    assert.equal(types.filter((x) => x === 'request').length, expectedFetches);
    const gone = metadata.find((m) => m.articleId === ids.gone);
    assert.ok(gone?.deletion, 'the deletion is in the evidence');
    const labelled = metadata.find((m) => m.articleId === ids.label);
    assert.deepEqual(labelled?.versions.map((v) => v.n), [1, 2]);
    assert.equal(labelled?.labels[0]?.kind, 'extremist');
    assert.match(labelled?.labels[0]?.evidence ?? '', /banned in Russia/);
    const manifest = JSON.parse(readFileSync(result.manifestJson, 'utf8')) as { articleId: number; fetches: { sha256: string }[] }[];
    assert.equal(manifest.length, 5);
    for (const m of manifest) for (const f of m.fetches) assert.ok(byDigest.has(`sha256:${f.sha256}`));
    assert.match(readFileSync(result.manifestCsv, 'utf8'), /^\uFEFFarticle_id,url,final_url/);
  });
}
