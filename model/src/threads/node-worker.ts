// Runs in Node. Starts a worker thread from a compiled script or, when the caller runs from
// TypeScript sources, from a .ts file through tsx's loader (registered inside the worker first).
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startNodeWorker(file: string, options: WorkerOptions = {}): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, options);
  const url = JSON.stringify(pathToFileURL(file).href);
  return new Worker(`import { register } from 'tsx/esm/api'; register(); await import(${url});`, {
    ...options,
    eval: true,
  });
}
