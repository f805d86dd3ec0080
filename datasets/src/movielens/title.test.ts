import { describe, expect, it } from 'vitest';
import { parseMovieLensTitle } from './title';

describe('parseMovieLensTitle', () => {
  it.each([
    ['Toy Story (1995)', { title: 'Toy Story', alternateTitles: [], year: 1995 }],
    [
      'American President, The (1995)',
      { title: 'The American President', alternateTitles: [], year: 1995 },
    ],
    [
      'City of Lost Children, The (Cité des enfants perdus, La) (1995)',
      {
        title: 'The City of Lost Children',
        alternateTitles: ['La Cité des enfants perdus'],
        year: 1995,
      },
    ],
    ['Seven (a.k.a. Se7en) (1995)', { title: 'Seven', alternateTitles: ['Se7en'], year: 1995 }],
    [
      'Shanghai Triad (Yao a yao yao dao waipo qiao) (1995)',
      { title: 'Shanghai Triad', alternateTitles: ['Yao a yao yao dao waipo qiao'], year: 1995 },
    ],
    ["Homme d'à côté, L' (2009)", { title: "L'Homme d'à côté", alternateTitles: [], year: 2009 }],
    [
      '(500) Days of Summer (2009)',
      { title: '(500) Days of Summer', alternateTitles: [], year: 2009 },
    ],
    ['Black Mirror', { title: 'Black Mirror', alternateTitles: [], year: null }],
    ['Babylon 5 (1994-1998)', { title: 'Babylon 5', alternateTitles: [], year: 1994 }],
    ['Ready Player One (2018) ', { title: 'Ready Player One', alternateTitles: [], year: 2018 }],
    ['(2018)', { title: '(2018)', alternateTitles: [], year: 2018 }],
  ])('parses %j', (raw, expected) => {
    expect(parseMovieLensTitle(raw)).toEqual(expected);
  });
});
