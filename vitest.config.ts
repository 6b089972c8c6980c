import { defineConfig } from 'vitest/config';

/** Files that need a PostgreSQL server end in .postgres.test.ts: their project starts one, only when one is queued. */
const POSTGRES_TESTS = 'test/**/*.postgres.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'app', include: ['test/**/*.test.ts'], exclude: [POSTGRES_TESTS] } },
      {
        extends: true,
        test: { name: 'postgres', include: [POSTGRES_TESTS], globalSetup: ['test/helpers/postgres-server.ts'] },
      },
    ],
  },
});
