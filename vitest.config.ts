import { defineConfig } from 'vitest/config';

// One project per workspace so `npm test -w <workspace>` runs only its own tests.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'api', include: ['apps/api/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'bot', include: ['apps/bot/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'content', include: ['content/**/*.test.ts'] } },
      { extends: true, test: { name: 'faults', include: ['test/faults/**/*.test.ts'] } },
      { extends: true, test: { name: 'deploy', include: ['test/deploy/**/*.test.ts'] } },
      { extends: true, test: { name: 'monitoring', include: ['test/monitoring/**/*.test.ts'] } },
      { extends: true, test: { name: 'web', include: ['apps/web/src/**/*.test.{ts,tsx}'], environment: 'happy-dom', environmentOptions: { happyDOM: { url: 'http://localhost/' } } } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/global-setup.ts'], testTimeout: 60_000 } },
    ],
  },
});
