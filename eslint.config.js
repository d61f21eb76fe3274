// Layer rules of DESIGN.md §1, checked on every `npm test`.
import tseslint from 'typescript-eslint';

const higherLayers = ['**/api', '**/api.ts', '**/api/*', '**/server.ts', '**/cli.ts', '**/cli/*', '**/main.ts', '**/preload.ts'];
const electronOnlyInShell = { name: 'electron', message: 'Only electron/main.ts and electron/preload.ts may import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'bench/.data/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] },
  },
  {
    files: ['electron/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell],
        patterns: [{ group: ['**/feeds/*', '**/articles/*', '**/labels/*', '**/tags/*', ...higherLayers], message: 'store/ is the lowest layer: it knows nothing of feeds, articles, labels, tags or the API.' }],
      }],
    },
  },
  {
    files: ['electron/feeds/**/*.ts', 'electron/articles/**/*.ts', 'electron/labels/**/*.ts', 'electron/tags/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell],
        patterns: [{ group: higherLayers, message: 'The pipeline never imports the API, the server or the CLI: data flows one way.' }],
      }],
    },
  },
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
