import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * One build for the browser apps, served by the Tessera server from dist/ui:
 * /app → runtime-ui/index.html, /designer → designer/index.html.
 */
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { input: { app: 'runtime-ui/index.html', designer: 'designer/index.html' } },
  },
});
