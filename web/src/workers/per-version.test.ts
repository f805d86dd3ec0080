import { describe, expect, it } from 'vitest';
import { perVersion } from './per-version';

describe('perVersion', () => {
  it('loads once for callers asking together, keeps it, and loads again for a new version', async () => {
    const cached = perVersion<string>();
    let loads = 0;
    const load = (value: string) => async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return value;
    };
    const together = await Promise.all([cached('v1', load('a')), cached('v1', load('b'))]);
    expect(together).toEqual(['a', 'a']);
    expect(await cached('v1', load('c'))).toBe('a');
    expect(loads).toBe(1);
    expect(await cached('v2', load('d'))).toBe('d');
    expect(loads).toBe(2);
  });

  it('keeps nothing from a load that failed', async () => {
    const cached = perVersion<string>();
    await expect(cached('v1', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cached('v1', () => Promise.resolve('again'))).toBe('again');
  });
});
