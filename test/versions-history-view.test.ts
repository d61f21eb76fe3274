// The History tab's view model (renderer/src/history-view.ts): paragraphs of red/green runs from a real diff,
// unchanged stretches folded, label call-outs with a kind change shown once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffVersions } from '../electron/articles/version-diff.ts';
import { historyDiffView } from '../renderer/src/history-view.ts';

const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} says something about the talks in Doha.`);

test('runs per paragraph, unchanged stretches folded, a deleted paragraph shown as removed', () => {
  const edited = [...paragraphs];
  edited[1] = 'Paragraph 2 says nothing about the talks in Doha.';
  edited.splice(9, 1);
  const view = historyDiffView(diffVersions(
    { n: 2, title: 'Talks in Doha', text: paragraphs.join('\n'), labels: [] },
    { n: 3, title: 'Talks in Doha collapse', text: edited.join('\n'), labels: [] },
  ));
  assert.deepEqual(view.title, [{ kind: 'same', text: 'Talks in Doha' }, { kind: 'added', text: ' collapse' }]);
  assert.deepEqual(view.paragraphs.map((p) => (p.kind === 'folded' ? `folded ${p.count}` : p.runs.map((r) => r.kind).join(','))), [
    'same', 'same,removed,added,same', 'same', 'folded 5', 'same', 'removed', 'same', 'folded 1',
  ]);
  const changed = view.paragraphs[1];
  assert.ok(changed?.kind === 'text');
  assert.deepEqual(changed.runs.filter((r) => r.kind !== 'same'), [{ kind: 'removed', text: 'something ' }, { kind: 'added', text: 'nothing ' }]);
  assert.equal(view.summary, 'Version 2 → 3: title changed; 1 word added, 10 removed');
});

test('label call-outs: removed, added, and a kind change shown once instead of a removal and an addition', () => {
  const text = 'Same text.';
  const view = historyDiffView(diffVersions(
    { n: 1, title: 'T', text, labels: [{ kind: 'terrorist', entity: 'Taliban' }, { kind: 'foreign_agent', entity: 'Медузы', canonical: 'Meduza' }] },
    { n: 2, title: 'T', text, labels: [{ kind: 'undesirable', entity: 'Медуза', canonical: 'Meduza' }, { kind: 'extremist', entity: 'Meta' }] },
  ));
  assert.deepEqual(view.callouts, [
    { kind: 'kind-changed', text: 'Label changed: Медуза was foreign agent, now undesirable' },
    { kind: 'removed', text: 'Label removed: terrorist — Taliban' },
    { kind: 'added', text: 'Label added: extremist — Meta' },
  ]);
  assert.equal(view.summary, 'Version 1 → 2: text unchanged');
  assert.deepEqual(view.paragraphs, [{ kind: 'folded', count: 1 }]);
});
