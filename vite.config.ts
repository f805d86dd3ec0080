import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
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
        // TypeScript under web/src, runes (.svelte.ts) compiled by Svelte's own plugin; SvelteKit's
        // plugin is only for the app build.
        plugins: [svelte()],
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
