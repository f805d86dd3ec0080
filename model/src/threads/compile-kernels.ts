// Runs in Node. The .wat → .wasm step of build-kernels.ts, shared with the test that checks it
// and the training benchmark (wabt is a development dependency: nothing the server runs imports
// this file).
import initWabt from 'wabt';

export async function compileKernels(wat: string, name = 'row-kernels.wat'): Promise<Uint8Array> {
  const wabt = await initWabt();
  const module = wabt.parseWat(name, wat, { simd: true, threads: true });
  try {
    // (wabt's validate() ignores the features given to parseWat; new WebAssembly.Module validates.)
    const bytes = Uint8Array.from(module.toBinary({}).buffer);
    new WebAssembly.Module(bytes);
    return bytes;
  } finally {
    module.destroy();
  }
}
