// Runs in Node. Counts requests being handled, so that shutdown can wait for them.

/** What a request that arrives while the server shuts down gets: retry elsewhere or later. */
function shuttingDown(): Response {
  return new Response(
    JSON.stringify({
      error: { code: 'shutting_down', message: 'The server is restarting; try again shortly.' },
    }),
    {
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after': '5', connection: 'close' },
    },
  );
}

/**
 * Wraps a fetch handler. `drain()` refuses new requests (503, connection closed) and resolves
 * once no request is being handled. A request whose client went away still runs to the end: the
 * database must outlive it.
 */
export function trackInFlight<A extends unknown[]>(
  fetch: (request: Request, ...rest: A) => Response | Promise<Response>,
) {
  let active = 0;
  let draining = false;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (--active === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };
  return {
    fetch: async (request: Request, ...rest: A): Promise<Response> => {
      if (draining) return shuttingDown();
      active++;
      try {
        return await fetch(request, ...rest);
      } finally {
        settle();
      }
    },
    drain: (): Promise<void> => {
      draining = true;
      return active === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
