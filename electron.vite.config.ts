import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: { build: { rolldownOptions: { input: { index: 'electron/main.ts', engine: 'electron/engine/entry.ts', 'parse-worker': 'electron/poll/parse-worker.ts', 'extract-worker': 'electron/articles/extract-worker.ts' } } } },
  // Sandboxed preloads must be CommonJS.
  preload: { build: { rolldownOptions: { input: { index: 'electron/preload.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } } },
  renderer: { root: 'renderer', plugins: [react()], build: { rolldownOptions: { input: 'renderer/index.html' } } },
});
