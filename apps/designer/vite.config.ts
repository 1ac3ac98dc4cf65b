import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * @monaco-editor/loader ships a default config pointing at a CDN. We hand it the bundled
 * monaco (loader.config({ monaco })), so that default is dead code: strip the URL so the
 * bundle provably never reaches a CDN.
 */
const noMonacoCdn: Plugin = {
  name: 'caseflow-no-monaco-cdn',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('@monaco-editor/loader')) return null;
    return code.replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/monaco-editor@[^"'`]*/g, '');
  },
};

// The runtime the dev server and `vite preview` forward /api to.
const api = process.env.CASEFLOW_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), noMonacoCdn],
  server: { proxy: { '/api': api } },
  preview: { proxy: { '/api': api } },
  build: { chunkSizeWarningLimit: 4000 },
});
