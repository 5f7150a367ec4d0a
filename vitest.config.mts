import { defineConfig } from 'vitest/config';

// Test tiers (DESIGN.md §6). Integration and e2e need system services; tests/support/run-tests.mjs starts what
// they need. Files that start pcscd run one at a time (one pcscd per namespace, CARD.md §5).
const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.mjs'],
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: ['tests/unit/**/*.dates.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      // Business-date code runs under both zones (DESIGN.md §5): CI runs in UTC, offices in Japan.
      {
        test: { ...shared, name: 'dates-utc', include: ['tests/unit/**/*.dates.test.ts'], env: { TZ: 'UTC' } },
      },
      {
        test: {
          ...shared,
          name: 'dates-tokyo',
          include: ['tests/unit/**/*.dates.test.ts'],
          env: { TZ: 'Asia/Tokyo' },
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
        },
      },
      {
        test: { ...shared, name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
