import { describe, expect, it } from 'vitest';
import { parseWith } from '../schemas/parse-result';
import { changeSchema, pushRequestSchema } from './protocol';

const hlc = '2024-05-01T20:15:00.000Z-0000-deviceA1';

describe('sync protocol', () => {
  it('accepts a rating, a tombstone and a diary entry keyed by its own id', () => {
    for (const change of [
      {
        kind: 'rating',
        key: '42',
        value: { movieId: 42, rating: 4.5, ratedAt: '2024-05-01T20:15:00Z' },
        hlc,
      },
      { kind: 'watchlist', key: '7', value: null, hlc },
      {
        kind: 'viewing',
        key: 'view_0001',
        value: {
          id: 'view_0001',
          movieId: 7,
          watchedOn: '2024-05-01',
          loggedAt: '2024-05-01T22:00:00Z',
        },
        hlc,
      },
    ]) {
      expect(parseWith(changeSchema, change).ok).toBe(true);
    }
  });

  it('refuses a key that does not match the value', () => {
    const parsed = parseWith(changeSchema, {
      kind: 'rating',
      key: '43',
      value: { movieId: 42, rating: 4.5, ratedAt: '2024-05-01T20:15:00Z' },
      hlc,
    });
    expect(parsed).toEqual({
      ok: false,
      error: expect.stringContaining("A change's key must match its value"),
    });
  });

  it('refuses unknown kinds, bad clocks and oversized pushes', () => {
    expect(parseWith(changeSchema, { kind: 'diary', key: '1', value: null, hlc }).ok).toBe(false);
    expect(parseWith(changeSchema, { kind: 'rating', key: '1', value: null, hlc: 'now' })).toEqual({
      ok: false,
      error: expect.stringContaining('A clock timestamp looks like'),
    });
    const changes = Array.from({ length: 1001 }, () => ({
      kind: 'rating',
      key: '1',
      value: null,
      hlc,
    }));
    expect(
      parseWith(pushRequestSchema, {
        protocolVersion: 1,
        deviceId: 'deviceA1',
        mutationId: 'mutation1',
        changes,
      }),
    ).toEqual({
      ok: false,
      error: expect.stringContaining('at most 1000 changes'),
    });
  });
});
