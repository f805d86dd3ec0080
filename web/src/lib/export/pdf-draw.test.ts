import { describe, expect, it } from 'vitest';
import { buildReport } from './pdf-report';
import { posterFormat, standInColour } from './pdf-draw';

// A 1 × 1 PNG, as a poster the device holds.
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

describe('the report’s drawing', () => {
  it('gives a stand-in the colour the app gives it (hsl(hue 45% 38%), hue from the id)', () => {
    // Film 1: hue 47, which CSS draws as rgb(141, 122, 53).
    expect(standInColour(1)).toEqual([141, 122, 53]);
    // Film 10: hue 110 → rgb(68, 141, 53).
    expect(standInColour(10)).toEqual([68, 141, 53]);
  });

  it('embeds only images it can read', () => {
    expect(posterFormat(PNG)).toBe('PNG');
    expect(posterFormat(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('JPEG');
    expect(posterFormat(new TextEncoder().encode('<html>'))).toBeNull();
  });

  it('puts a poster the device holds on the cover, and a stand-in for one it does not', async () => {
    const film = (movieId: number, title: string) => ({
      movieId,
      title,
      year: 1995,
      rating: 5,
      ratedOn: '2024-01-01',
    });
    const report = (posters: Map<number, { data: Uint8Array; format: 'PNG' }>) =>
      buildReport({
        title: 'Posters',
        pageSize: 'a4',
        sections: ['ratings'],
        generatedAt: new Date('2024-12-31T12:00:00Z'),
        recommendations: [],
        ratings: [film(1, 'Toy Story'), film(6, 'Heat')],
        favourites: [],
        watchlist: [],
        history: [],
        historyRange: { from: null, to: null },
        viewingCount: 0,
        distribution: { counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 2], total: 2, mean: 5 },
        genres: [],
        directors: [],
        review: null,
        titleOf: () => '',
        posters,
      });
    const images = (bytes: Uint8Array) =>
      new TextDecoder('latin1').decode(bytes).match(/\/Subtype \/Image/g)?.length ?? 0;
    expect(images(await report(new Map()))).toBe(0);
    // The image and, for its alpha channel, a mask.
    expect(images(await report(new Map([[6, { data: PNG, format: 'PNG' }]])))).toBeGreaterThan(0);
  });
});
