import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tinyMovieLens } from './services/test-movielens';
import { type ServerProcess, startServerProcess } from './test-support/server-process';

// Production runs the compiled server with `node` alone: build it, start it, and see it migrate,
// train the first model, serve, and retrain in its worker thread (a separate compiled file).
let server: ServerProcess | undefined;
beforeAll(() => {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('../build.ts', import.meta.url))],
    {
      stdio: 'pipe',
    },
  );
}, 60_000);
afterAll(() => {
  server?.child.kill('SIGTERM');
});

it(
  'runs from dist/ with node alone: first model, health, and a retraining in its worker',
  { timeout: 120_000 },
  async () => {
    server = await startServerProcess(
      {
        DATA_DIR: join(mkdtempSync(join(tmpdir(), 'filmfold-compiled-')), 'data'),
        MOVIELENS: tinyMovieLens(),
        MIN_RATERS: '1',
        // Every 3.6 s: the schedule starts the compiled retraining worker.
        RETRAIN_HOURS: '0.001',
        NODE_OPTIONS: '',
      },
      { compiled: true },
    );
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      modelVersion: string | null;
    };
    expect(health.modelVersion).toMatch(/^[0-9a-f]{16}$/);
    const end = Date.now() + 60_000;
    while (!server.output().includes('Retraining finished.') && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.output()).toContain('Retraining finished.');
    expect(server.output()).not.toMatch(/tsx|Retraining failed/);
  },
);
