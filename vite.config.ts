import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer, built for web mode (`footnote serve`); electron.vite.config.ts builds the same sources for the app.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
});
