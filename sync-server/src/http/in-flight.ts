// Runs in Node. Counts requests being handled, so that shutdown can wait for them.

/**
 * Wraps a fetch handler; `idle()` resolves once no request is being handled. A request whose
 * client went away still runs to the end: the database must outlive it.
 */
export function trackInFlight<A extends unknown[]>(
  fetch: (request: Request, ...rest: A) => Response | Promise<Response>,
) {
  let active = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (--active === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };
  return {
    fetch: async (request: Request, ...rest: A): Promise<Response> => {
      active++;
      try {
        return await fetch(request, ...rest);
      } finally {
        settle();
      }
    },
    idle: (): Promise<void> =>
      active === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve)),
  };
}
