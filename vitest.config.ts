import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Several tests start the CLIs as processes (sweep, gaps, data step); 5 s is too little on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
