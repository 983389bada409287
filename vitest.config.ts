import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each test file boots its own CMS (a child process) and sometimes a site build:
    // two at a time is what this 2-core machine carries without timeouts.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The second reporter names any vitest worker process that dies by itself, with its exit
    // code or signal and its test files (scripts/test/run-suite.ts decides what that means).
    reporters: ['default', './scripts/test/worker-exit-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ['test/site/**', '**/node_modules/**'] },
      },
      {
        // The site tests share one portal build made by the globalSetup (a CMS with the demo
        // content plus fixtures); vitest runs it only when a site test is selected.
        extends: true,
        test: { name: 'site', include: ['test/site/**/*.test.ts'], globalSetup: ['test/helpers/site-build.ts'] },
      },
    ],
  },
});
