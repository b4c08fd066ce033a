import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs every suite: unit tests next to the code, then the integration and
 * browser suites, which start their own DynamoDB Local and cognito-local on free ports.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/reporters/closing-line.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'infra/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/lib/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'infra/cdk.out/**'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup-e2e.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
