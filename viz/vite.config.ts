// Vite config of the browser app (`npm run viz:build` → viz/dist, `npm run viz:dev`).
// The simulation runs in an ES-module Web Worker; base './' keeps the build relocatable
// (`meshsim viz` serves it from any port).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  clearScreen: false,
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  // The app bundles ../scenarios/*.yaml: let the dev server read the repository.
  server: { host: '127.0.0.1', port: 5173, strictPort: true, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1', strictPort: true },
});
