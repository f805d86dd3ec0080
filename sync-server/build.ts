// Runs in Node: `npm run build -w sync-server`. Compiles the server to plain JavaScript in dist/
// (main.js, retrain-worker.js, retrain-cli.js, train-thread.js, each whole) so that production runs `node` alone,
// no TypeScript runner. The workspace packages (@filmfold/*, TypeScript sources) are bundled in;
// every other package stays in node_modules (argon2's native module, PGlite's WebAssembly).
// esbuild: already in the tree through Vite, and the one tool that does this in a single call.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

rmSync(here('./dist'), { recursive: true, force: true });
await build({
  entryPoints: {
    main: here('./src/main.ts'),
    'retrain-worker': here('./src/services/retrain-worker.ts'),
    'retrain-cli': here('./src/retrain-cli.ts'),
    'train-thread': here('../model/src/threads/train-thread.ts'),
  },
  outdir: here('./dist'),
  bundle: true,
  // No shared chunks: each file sits in dist/ itself, where src/paths.ts expects to be.
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'packages-stay-installed',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
          path.startsWith('@filmfold/') ? undefined : { path, external: true },
        );
      },
    },
  ],
});
console.log('Compiled the server to sync-server/dist/.');
