import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts', 'e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // expect.poll stops as soon as it holds; 1 s (vitest's default) was too short for updates that are
    // throttled by design (the chat's live region speaks at most every 2 s) or slowed by a loaded CI machine.
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
