import { describe, expect, it } from 'vitest';
import { chipsOf } from './ask-chips';

describe('Ask chips', () => {
  it('shows each thing understood as a chip whose removal keeps the rest', () => {
    const chips = chipsOf(
      {
        genres: ['Comedy', 'Romance'],
        people: [{ name: 'Tom Hanks', role: 'actor' }],
        similarTo: [7],
        yearFrom: 1990,
        yearTo: 1999,
        maxRuntime: 100,
        sort: 'hidden',
        notUnderstood: ['gnarly'],
      },
      (id) => `Film ${id}`,
    );
    expect(chips.map((c) => c.label)).toEqual([
      'Comedy',
      'Romance',
      'with Tom Hanks',
      'like Film 7',
      '1990s',
      'up to 100 minutes',
      'hidden gems',
    ]);
    expect(chips.find((c) => c.label === 'Comedy')!.without).toEqual({
      genres: ['Romance'],
      people: [{ name: 'Tom Hanks', role: 'actor' }],
      similarTo: [7],
      yearFrom: 1990,
      yearTo: 1999,
      maxRuntime: 100,
      sort: 'hidden',
    });
    expect(chips.find((c) => c.label === '1990s')!.without).not.toHaveProperty('yearFrom');
    expect(chips.find((c) => c.label === 'with Tom Hanks')!.without).not.toHaveProperty('people');
  });
});
