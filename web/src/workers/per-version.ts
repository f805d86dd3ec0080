// Runs in the device worker. What is loaded once per installed version, however many ask at once.

/**
 * A loader that runs `load` once per `version`: callers asking while it runs share its answer,
 * and the answer is kept until a newer version is asked for.
 */
export function perVersion<T>(): (version: string, load: () => Promise<T>) => Promise<T> {
  let kept: { version: string; value: T } | null = null;
  let pending: { version: string; done: Promise<T> } | null = null;
  return (version, load) => {
    if (kept?.version === version) return Promise.resolve(kept.value);
    if (pending?.version !== version) {
      const done = load()
        .then((value) => {
          kept = { version, value };
          return value;
        })
        .finally(() => {
          if (pending?.done === done) pending = null;
        });
      pending = { version, done };
    }
    return pending.done;
  };
}
