import { describe, expect, it } from 'vitest';
import {
  buildVocabulary,
  type ContentDocument,
  contentTerms,
  embedContent,
  featuresOf,
  fitContentMap,
} from './content-map';

const doc = (genres: string[], tags: string[] = [], cast: string[] = []): ContentDocument => ({
  genres,
  tags,
  directors: [],
  cast,
  keywords: [],
});

describe('content features', () => {
  it('prefixes terms by field and lower-cases them', () => {
    expect(contentTerms(doc(['Sci-Fi'], ['Mind Bending', ' '], ['Zoë Kravitz']))).toEqual([
      'genre:sci-fi',
      'tag:mind bending',
      'cast:zoë kravitz',
    ]);
  });

  it('keeps terms in enough films, and weighs rare ones more (IDF)', () => {
    const docs = [
      doc(['Drama'], ['noir']),
      doc(['Drama'], ['noir']),
      doc(['Drama']),
      doc(['Comedy']),
    ];
    const { vocabulary, idf } = buildVocabulary(docs, {
      minFilms: 2,
      maxFeatures: 10,
      ridge: 1,
      minRatings: 0,
    });
    expect(vocabulary).toEqual(['genre:drama', 'tag:noir']);
    expect(idf[1]).toBeGreaterThan(idf[0]!);
  });

  it('gives unit-length TF-IDF vectors, with repeated tags weighing more', () => {
    const vocabulary = ['genre:drama', 'tag:noir'];
    const f = featuresOf(
      doc(['Drama'], ['noir', 'noir', 'noir']),
      vocabulary,
      Float32Array.of(1, 1),
    );
    expect(Array.from(f.indices)).toEqual([0, 1]);
    expect(Math.hypot(...f.values)).toBeCloseTo(1, 6);
    expect(f.values[1]).toBeGreaterThan(f.values[0]!);
  });
});

describe('fitContentMap', () => {
  it('learns a linear map from genres to factors and predicts an unrated film', () => {
    // Factors are a fixed vector per genre: drama -> (1, 0), comedy -> (0, 1), normalised per film.
    const genres = [
      ['Drama'],
      ['Comedy'],
      ['Drama'],
      ['Comedy'],
      ['Drama', 'Comedy'],
      ['Drama'],
      ['Comedy'],
    ];
    const docs = genres.map((g) => doc(g));
    const factors = new Float32Array(genres.length * 2);
    genres.forEach((g, i) => {
      const norm = Math.sqrt(g.length);
      if (g.includes('Drama')) factors[i * 2] = 1 / norm;
      if (g.includes('Comedy')) factors[i * 2 + 1] = 1 / norm;
    });
    const counts = genres.map(() => 50);
    const model = fitContentMap(docs, factors, counts, 2, {
      minFilms: 1,
      maxFeatures: 10,
      ridge: 0.01,
      minRatings: 10,
    });
    const index = new Map(model.vocabulary.map((t, i) => [t, i]));
    const drama = embedContent(
      featuresOf(doc(['Drama']), model.vocabulary, model.idf, index),
      model,
    );
    expect(drama[0]).toBeCloseTo(1, 1);
    expect(drama[1]).toBeCloseTo(0, 1);
    const unknown = embedContent(
      featuresOf(doc(['Western']), model.vocabulary, model.idf, index),
      model,
    );
    expect(Array.from(unknown)).toEqual([0, 0]);
  });
});
