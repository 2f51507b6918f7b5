import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws outside React's server build; tests run the server modules directly.
    alias: { 'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts') },
  },
  test: {
    include: ['{app,bench,db,lib}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // In-memory PGlite takes seconds to migrate; one database per file, files in parallel.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-reports/vitest.json' }]] : ['default'],
  },
});
