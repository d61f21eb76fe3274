// Layer rules of DESIGN.md §1, checked on every `npm test` (test/lint-layers.test.ts proves each one bites).
import tseslint from 'typescript-eslint';

// The pipeline folders of electron/, lowest first. A folder imports only from its own layer and the layers below it:
//   text → net → feeds → articles → labels → query → tags → store → poll → evidence → api → engine → server, cli → main.ts/preload.ts
// text: decoding, HTML to text, dates, word folding; net: fetch and its guards; feeds: parsing per format, discovery,
// OPML; articles: normalise, dedupe, extract, sanitise; labels: the detector and the outlet registry; query: the
// search language (no SQL); tags: tags and rules; store: every SQL statement; poll: schedule, poller, ingest, full
// text; evidence: WARC files and manifests of stored fetches; api: the methods; engine: the engine's thread or process, its message loop, the context and the poll timer; server and cli: web mode and the command line.
// The files at the top of electron/ besides main.ts and preload.ts (model, events, errors, settings, version,
// external-links, worker-pool and worker-task) are shared by every layer and import none of them.
const LAYERS = [['text'], ['net'], ['feeds'], ['articles'], ['labels'], ['query'], ['tags'], ['store'], ['poll'], ['evidence'], ['api'], ['engine'], ['server', 'cli']];
const ALL_FOLDERS = LAYERS.flat();
const folder = (name) => `**/${name}/**`;
const shell = ['**/main.ts', '**/preload.ts'];

// DESIGN.md §1 beyond the order: the store knows nothing of feeds (nor of the network), and feeds/ and articles/ do
// not import each other (feeds/ is below articles/, so only this direction needs saying).
// Above the store, only the engine chooses and opens a library (store/sqlite/ today, PostgreSQL later); everything
// else reaches it through the Store interface of store/store.ts and the records of store/records.ts.
const behindTheStore = { group: ['**/store/sqlite/**'], message: 'Only engine/ opens a library: use the Store of store/store.ts (ctx.store).' };
const EXTRA = {
  poll: [behindTheStore],
  evidence: [behindTheStore],
  api: [behindTheStore],
  server: [behindTheStore],
  cli: [behindTheStore],
  store: [{ group: [folder('feeds'), folder('net')], message: 'store/ knows nothing of feeds or the network (DESIGN.md §1): it stores what it is given.' }],
  articles: [{ group: [folder('feeds')], message: 'feeds/ and articles/ do not import each other (DESIGN.md §1); shared helpers belong in text/.' }],
};

const electronOnlyInShell = { name: 'electron', message: 'Only electron/main.ts and electron/preload.ts may import electron.' };

function layerRule(layer, index) {
  const above = LAYERS.slice(index + 1).flat();
  return {
    files: layer.map((name) => `electron/${name}/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell],
        patterns: [
          ...(above.length > 0 ? [{
            group: [...above.map(folder), ...shell],
            message: `${layer.join('/')}/ may import only from its own layer and those below it: ${LAYERS.map((l) => l.join(', ')).join(' → ')} (eslint.config.js).`,
          }] : []),
          ...new Set(layer.flatMap((name) => EXTRA[name] ?? [])),
        ],
      }],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'bench/.data/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell],
        patterns: [{ group: ALL_FOLDERS.map((name) => `./${name}/**`), message: 'The shared files at the top of electron/ import no pipeline folder: every layer imports them.' }],
      }],
    },
  },
  ...LAYERS.map(layerRule),
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer never imports electron.' }],
        patterns: [{ group: ['**/electron/**', '**/electron/*'], allowTypeImports: true, message: 'The renderer imports only types from electron/.' }],
      }],
    },
  },
);
