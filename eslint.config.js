// @ts-check
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './web/svelte.config.js';

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '**/.tsbuild/',
      '**/.svelte-kit/',
      'web/build/',
      'sync-server/dist/',
      'test-results/',
      'playwright-report/',
      '.cache/',
      'data/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['model/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      // model/ runs in browser, worker and Node: no platform modules.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'dexie', 'drizzle-orm', 'drizzle-orm/*', 'hono', 'hono/*'] },
      ],
    },
  },
  {
    // Except @filmfold/model/threads: the trainer on Node's worker threads (the server and the
    // benchmarks use it; nothing the browser loads imports it).
    files: ['model/src/threads/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['dexie', 'drizzle-orm', 'drizzle-orm/*', 'hono', 'hono/*'] },
      ],
    },
  },
  {
    files: ['web/**/*.svelte', 'web/**/*.svelte.ts', 'web/src/**/*.ts'],
    ignores: ['web/src/service-worker.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // Test helpers live in test-support/ folders; what ships never imports them.
    files: ['sync-server/src/**/*.ts', 'web/src/**/*.ts', 'web/src/**/*.svelte'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test-support/*', '@filmfold/sync-server/test-*'],
              message: 'Test helpers are for tests only.',
            },
          ],
        },
      ],
    },
  },
  {
    // SvelteKit type-checks the service worker apart from the app (its own lib: webworker).
    files: ['web/src/service-worker.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
