import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import {
  communityGenreCounts,
  ratingDistribution,
  reviewYears,
  yearInReview,
} from '$lib/taste/stats';
import { buildReport, REPORT_SECTIONS, type ReportData } from './pdf-report';
import { reportData } from './report-data';

function data(overrides: Partial<ReportData> = {}): ReportData {
  const history = Array.from({ length: 1000 }, (_, i) => ({
    watchedOn: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    movieId: 1000 + i,
    title: i === 500 ? 'The Shawshank Redemption' : `Film number ${i}`,
    year: 1990 + (i % 30),
    rating: i % 3 ? 4 : null,
  }));
  return {
    title: 'My year in films',
    pageSize: 'a4',
    sections: Object.keys(REPORT_SECTIONS) as ReportData['sections'],
    generatedAt: new Date('2024-12-31T12:00:00Z'),
    recommendations: [
      {
        movieId: 6,
        title: 'Heat',
        year: 1995,
        because: ['Collateral', 'Ronin'],
        predictedStars: 4.3,
      },
    ],
    ratings: [{ movieId: 6, title: 'Heat', year: 1995, rating: 4.5, ratedOn: '2024-03-01' }],
    favourites: [{ movieId: 4973, title: 'Amélie', year: 2001 }],
    watchlist: [{ movieId: 1214, title: 'Alien', year: 1979, addedAt: '2024-05-01T10:00:00Z' }],
    history,
    historyRange: { from: null, to: null },
    viewingCount: 1000,
    distribution: ratingDistribution([{ rating: 4 }, { rating: 4.5 }, { rating: 2 }]),
    genres: [{ genre: 'Drama', count: 10, mean: 4, share: 0.5, communityShare: 0.3 }],
    directors: [{ name: 'Michael Mann', count: 3, mean: 4.5 }],
    review: {
      year: 2024,
      filmsWatched: 800,
      viewings: 1000,
      ratingsGiven: 3,
      topRated: [{ movieId: 1, rating: 5 }],
      newFavourites: [1],
      genreShifts: [],
      longestStreak: 365,
    },
    titleOf: () => 'Toy Story',
    posters: new Map(),
    ...overrides,
  };
}

async function read(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(bytes);
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  return { totalPages, pages: text as string[] };
}

describe('the PDF report', () => {
  it('holds real text: every section title, film titles, page numbers and the date', async () => {
    const progress: number[] = [];
    const { totalPages, pages } = await read(
      await buildReport(data(), (done) => progress.push(done)),
    );
    const all = pages.join('\n');
    for (const title of Object.values(REPORT_SECTIONS)) expect(all).toContain(title);
    expect(all).toContain('The Shawshank Redemption (2010)');
    expect(all).toContain('Because you liked Collateral and Ronin');
    expect(all).toContain('Directors you watch most');
    expect(all).toContain('Michael Mann');
    expect(totalPages).toBeGreaterThanOrEqual(5);
    expect(pages[0]).toContain(`Page 1 of ${totalPages}`);
    expect(pages.at(-1)).toContain(`Page ${totalPages} of ${totalPages}`);
    expect(pages[0]).toContain('generated 2024-12-31');
    expect(progress.at(-1)).toBe(1);
  });

  it('paginates a 1,000-viewing history without losing a line', async () => {
    const { pages } = await read(await buildReport(data({ sections: ['history'] })));
    const all = pages.join('\n');
    for (const i of [0, 1, 499, 998, 999]) {
      if (i !== 500) expect(all).toContain(`Film number ${i} (`);
    }
    const lines = all.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2}\s/.test(l.trim()));
    expect(lines.length).toBe(1000);
  });

  it('fits US Letter pages and only the sections asked for', async () => {
    const { pages } = await read(
      await buildReport(data({ pageSize: 'letter', sections: ['favourites'] })),
    );
    // The cover, then the one section.
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('Amélie (2001)');
    expect(pages.join('\n')).not.toContain('Viewing history');
  });

  it('says one thing in one way: every rated film listed, the year in review as the taste page counts it, plurals right', async () => {
    const timeZone = 'Europe/London';
    const catalog = new Map(
      [
        [1, 'Heat', 1995, ['Action', 'Crime']],
        [2, 'Amélie', 2001, ['Comedy', 'Romance']],
        [3, 'Alien', 1979, ['Horror', 'Sci-Fi']],
        [4, 'Toy Story', 1995, ['Animation']],
      ].map(([id, title, year, genres]) => [
        id as number,
        {
          title: title as string,
          year: year as number,
          genres: genres as string[],
          ratingCount: 1,
        },
      ]),
    );
    const activity = {
      ratings: [
        { movieId: 1, rating: 5, ratedAt: '2024-02-01T12:00:00Z' },
        { movieId: 2, rating: 4.5, ratedAt: '2024-02-02T12:00:00Z' },
        { movieId: 3, rating: 1, ratedAt: '2024-02-03T12:00:00Z' },
      ],
      viewings: [],
      favourites: [{ movieId: 4, addedAt: '2024-03-01T12:00:00Z' }],
      watchlist: [],
    };
    const report = reportData(
      {
        title: 'Mine',
        pageSize: 'a4',
        sections: ['ratings', 'favourites', 'review'],
        from: '',
        to: '',
        generatedAt: new Date('2024-12-31T12:00:00Z'),
        timeZone,
      },
      activity,
      { films: catalog, genreCounts: communityGenreCounts(catalog.values()) },
      [],
    );
    // The taste page's own numbers for this history.
    const [year] = reviewYears(activity, timeZone);
    const onPage = yearInReview(year!, activity, catalog, timeZone);
    expect(report.review).toEqual(onPage);
    expect(onPage).toMatchObject({ filmsWatched: 3, ratingsGiven: 3, newFavourites: [4] });

    const { pages } = await read(await buildReport(report));
    // The cover's headline numbers are the taste page's: ratings, mean stars, ♥, diary.
    expect(pages[0]).toContain('3\nfilms rated\n3.5\naverage stars\n1\nfavourites\n0\nviewings');
    const all = pages.join('\n');
    for (const title of ['Heat (1995)', 'Amélie (2001)', 'Alien (1979)'])
      expect(all).toContain(title);
    expect(all).toContain('3 films rated');
    expect(all).toContain('2024-02-03 Alien (1979) 1.0'); // a dated row of the ratings table
    expect(all).toContain('Toy Story (1995)'); // the one favourite
    expect(all).not.toContain('No favourites yet');
    expect(all).toContain(
      '2024: 3 films watched, 3 ratings, 1 new favourite, longest streak 3 days.',
    );
  });
});
