import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
  test: {
    environment: 'node',
    // Load the e2e build (.output/chrome-mv3-e2e: open shadow root, fixed id); see lib/cli/harness.ts.
    env: { VETTER_BUILD: 'e2e' },
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
