import { describe, expect, it } from 'vitest';
import { RatingTableBuilder } from '../data/rating-table';
import { mulberry32 } from '../random';
import { evaluateColdStart } from './cold-start';

describe('evaluateColdStart', () => {
  it('ranks cold films better from genres that match taste than in random order', () => {
    // Two tastes; a film's genre says which taste likes it. Users rate liked films 5, others 1.
    const random = mulberry32(2);
    const builder = new RatingTableBuilder();
    const films = 200;
    for (let user = 1; user <= 120; user++) {
      for (let film = 1; film <= films; film++) {
        if (random() > 0.25) continue;
        const liked = user % 2 === film % 2;
        builder.push(user, film, liked ? 5 : 1, film);
      }
    }
    const documents = new Map(
      Array.from({ length: films }, (_, k) => [
        k + 1,
        { genres: [(k + 1) % 2 ? 'Drama' : 'Comedy'], directors: [], cast: [], keywords: [] },
      ]),
    );
    const report = evaluateColdStart(builder.build(), { documents, tags: [] }, [
      { name: 'genres', fields: { genres: true } },
    ]);
    expect(report.coldFilms).toBeGreaterThan(5);
    expect(report.usersEvaluated).toBeGreaterThan(10);
    const [genres, chance] = report.rows;
    expect(chance!.features).toBe('random order');
    expect(genres!['HR@10']).toBeGreaterThan(chance!['HR@10']);
  });
});
