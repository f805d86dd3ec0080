// Runs in Node, in tests: a real server process on a free port, started from its TypeScript
// sources (through tsx) or from the compiled dist/main.js; resolves once it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const sources = fileURLToPath(new URL('../main.ts', import.meta.url));
export const compiledMain = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output: () => string;
}

export async function startServerProcess(
  env: Record<string, string>,
  { compiled = false } = {},
): Promise<ServerProcess> {
  const port = 41000 + Math.floor(Math.random() * 2000);
  const args = compiled ? ['--enable-source-maps', compiledMain] : ['--import', 'tsx', sources];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', WEB_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (output.includes('Filmfold is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}
