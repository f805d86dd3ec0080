import { describe, expect, it } from 'vitest';
import { trackInFlight } from './in-flight';

describe('trackInFlight', () => {
  it('drain waits for the requests in flight and refuses new ones with a JSON 503', async () => {
    let finish!: () => void;
    const handler = trackInFlight(
      () =>
        new Promise<Response>((resolve) => {
          finish = () => resolve(new Response('done'));
        }),
    );
    const inFlight = handler.fetch(new Request('http://x/a'));
    let drained = false;
    const draining = handler.drain().then(() => (drained = true));

    const refused = await handler.fetch(new Request('http://x/b'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ error: { code: 'shutting_down' } });
    await Promise.resolve();
    expect(drained).toBe(false);

    finish();
    expect(await (await inFlight).text()).toBe('done');
    await draining;
    expect(drained).toBe(true);
  });

  it('drain resolves at once when nothing is in flight', async () => {
    const handler = trackInFlight(() => new Response('ok'));
    await expect(handler.drain()).resolves.toBeUndefined();
  });
});
