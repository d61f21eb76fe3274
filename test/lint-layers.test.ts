// The layer rule of eslint.config.js bites: an import from a higher pipeline folder fails lint, one from a lower
// folder passes. Checked with ESLint's own API on probe files placed (virtually) inside each folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The pipeline folders, lowest first, as the rule in eslint.config.js ranks them. */
const ORDER = ['text', 'net', 'feeds', 'articles', 'labels', 'query', 'tags', 'store', 'poll', 'api', 'engine', 'server'];
/** Downward imports DESIGN.md §1 forbids all the same (tested below). */
const FORBIDDEN_DOWN = new Set(['articles→feeds', 'store→feeds', 'store→net']);

async function restrictedImports(file: string, specifier: string): Promise<string[]> {
  const code = `import * as probe from '${specifier}';\nexport const x = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('every pipeline folder fails lint when it imports the folder above it, and passes when it imports the one below', async () => {
  for (let i = 0; i + 1 < ORDER.length; i++) {
    const lower = ORDER[i] as string;
    const upper = ORDER[i + 1] as string;
    const up = await restrictedImports(`electron/${lower}/probe.ts`, `../${upper}/probe.ts`);
    assert.equal(up.length, 1, `${lower}/ importing ${upper}/ must fail`);
    assert.match(up[0] ?? '', new RegExp(`${lower}/ may import only from its own layer and those below it`));
    if (!FORBIDDEN_DOWN.has(`${upper}→${lower}`)) {
      assert.deepEqual(await restrictedImports(`electron/${upper}/probe.ts`, `../${lower}/probe.ts`), [], `${upper}/ may import ${lower}/`);
    }
  }
});

test('a deep upward import fails too, from a nested file to a nested one', async () => {
  assert.equal((await restrictedImports('electron/text/probe.ts', '../store/sqlite/db.ts')).length, 1);
  assert.equal((await restrictedImports('electron/store/sqlite/search/probe.ts', '../../../api/methods.ts')).length, 1);
  assert.equal((await restrictedImports('electron/labels/probe.ts', '../main.ts')).length, 1, 'nothing imports the shell');
});

test('the store knows nothing of feeds or the network, and articles/ does not import feeds/', async () => {
  assert.match((await restrictedImports('electron/store/sqlite/probe.ts', '../../feeds/parse.ts'))[0] ?? '', /knows nothing of feeds/);
  assert.match((await restrictedImports('electron/store/probe.ts', '../net/fetch.ts'))[0] ?? '', /knows nothing of feeds/);
  assert.match((await restrictedImports('electron/articles/probe.ts', '../feeds/parse.ts'))[0] ?? '', /do not import each other/);
});

test('above the store only the engine imports store/sqlite/: the rest use the Store interface', async () => {
  for (const layer of ['poll', 'api', 'server', 'cli']) {
    assert.match((await restrictedImports(`electron/${layer}/probe.ts`, '../store/sqlite/db.ts'))[0] ?? '', /Only engine\/ opens a library/, layer);
    assert.deepEqual(await restrictedImports(`electron/${layer}/probe.ts`, '../store/store.ts'), [], layer);
  }
  assert.deepEqual(await restrictedImports('electron/engine/probe.ts', '../store/sqlite/sqlite-store.ts'), []);
});

test('the shared files at the top of electron/ import no pipeline folder, and only the shell imports electron', async () => {
  assert.match((await restrictedImports('electron/probe.ts', './text/fold.ts'))[0] ?? '', /shared files/);
  assert.deepEqual(await restrictedImports('electron/api/probe.ts', '../model.ts'), []);
  assert.equal((await restrictedImports('electron/poll/probe.ts', 'electron')).length, 1);
  assert.deepEqual(await restrictedImports('electron/main.ts', 'electron'), []);
});
