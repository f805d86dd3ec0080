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

export interface StartOptions {
  /** Run dist/main.js instead of the sources. */
  compiled?: boolean;
  /** How long the first start may take (it trains the first model); 60 s by default. */
  timeoutMs?: number;
  /** Called as soon as the process exists, before it listens. */
  onSpawn?: (child: ChildProcess) => void;
}

export async function startServerProcess(
  env: Record<string, string>,
  { compiled = false, timeoutMs = 60_000, onSpawn }: StartOptions = {},
): Promise<ServerProcess> {
  const args = compiled ? ['--enable-source-maps', compiledMain] : ['--import', 'tsx', sources];
  const child = spawn(process.execPath, args, {
    // Port 0: the system picks a free one, and the server says which (no clash between tests).
    env: {
      ...process.env,
      ...env,
      WEB_DIR: env.WEB_DIR ?? '/nonexistent',
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onSpawn?.(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output}`)),
      timeoutMs,
    );
    child.stdout!.on('data', () => {
      const running = /Filmfold is running at (http:\/\/[^/\s]+)/.exec(output);
      if (running) {
        clearTimeout(timer);
        resolve(running[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { child, url, output: () => output };
}
