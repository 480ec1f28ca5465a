import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Files that replace a module with vi.mock: they get a module graph of their own. */
const MOCKING = ['test/store/cache-flip.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Most test time is spent waiting for a spawned ndraft, git, LibreOffice or Chromium: one
    // worker more than the cores keeps them busy (vitest's default is one fewer).
    maxWorkers: availableParallelism() + 1,
    projects: [
      // Test files share their workers' loaded modules (no per-file re-import of the whole
      // program: half the suite's CPU time). No test changes process.env or a module's state
      // for good; sandbox.ts keeps its seed project across files.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false } },
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
    ],
  },
});
