import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One vitest run over every workspace; web has its own vite config for the app build.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'model',
          root: './model',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'datasets',
          root: './datasets',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'sync-server',
          root: './sync-server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Plain TypeScript under web/src; SvelteKit's plugin is only for the app build.
        resolve: { alias: { $lib: fileURLToPath(new URL('./web/src/lib', import.meta.url)) } },
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
