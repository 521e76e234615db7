import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build -w @academy/web` → apps/web/dist, served at / by the academy process (web role).
// `npm run dev -w @academy/web` serves the app with hot reload and forwards /api to `npm start` on :3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
