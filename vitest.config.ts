import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside the code, and end-to-end tests in tests/ that start
// real runtime processes (and Chromium) against the built app.
export default defineConfig({
  test: {
    // Property tests run hundreds of generated cases each: on a 2-core machine shared with other
    // jobs, vitest's 5 s default failed them for want of CPU, not for a wrong answer. Speed is
    // measured by bench/, never by these timeouts; a hang still fails.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/runtime/src/**/*.test.ts',
            'examples/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'designer',
          root: 'apps/designer',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
