// Runs in browser and Node. The PDF report (jsPDF), drawn in the app's look: a cover with the
// headline numbers and posters of the best-rated films, then the chosen sections as tables and
// vector charts, all real text, with page numbers on every page. It yields between pages so the
// page stays responsive, and reports progress.
import type { Distribution, GenreStat, PersonStat, YearInReview } from '$lib/taste/stats';
import { counted } from '$lib/text/counted';
import { barChart, type FilmRef, filmName, filmTable } from './pdf-blocks';
import { drawCover } from './pdf-cover';
import { LINE, MARGIN, PdfCursor } from './pdf-cursor';
import { drawStars, ink, PALETTE, type PosterImage } from './pdf-draw';

export { coverFilms } from './pdf-cover';

export const REPORT_SECTIONS = {
  ratings: 'Your ratings',
  recommendations: 'Recommendations',
  favourites: 'Favourites',
  watchlist: 'Watchlist',
  history: 'Viewing history',
  charts: 'Taste charts',
  review: 'Year in review',
} as const;
export type ReportSection = keyof typeof REPORT_SECTIONS;

export interface ReportData {
  title: string;
  pageSize: 'a4' | 'letter';
  sections: readonly ReportSection[];
  generatedAt: Date;
  recommendations: (FilmRef & { because: string[]; predictedStars: number | null })[];
  /** Every rated film, newest rating first; `ratedOn` is the person's local day. */
  ratings: (FilmRef & { rating: number; ratedOn: string })[];
  favourites: FilmRef[];
  watchlist: (FilmRef & { addedAt: string })[];
  /** Already limited to the chosen date range, newest first. */
  history: (FilmRef & { watchedOn: string; rating: number | null })[];
  historyRange: { from: string | null; to: string | null };
  /** Every viewing in the diary, whatever the range (the taste page's count). */
  viewingCount: number;
  distribution: Distribution;
  genres: GenreStat[];
  /** Directors of the rated films (empty when the catalog has no credits). */
  directors: PersonStat[];
  review: YearInReview | null;
  titleOf: (movieId: number) => string;
  /** Posters the device already holds, by film; the others get their stand-in. */
  posters: ReadonlyMap<number, PosterImage>;
}

/** Builds the report; `onProgress` gets the share done (0-1). */
export async function buildReport(
  data: ReportData,
  onProgress: (done: number) => void = () => {},
): Promise<Uint8Array> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'pt', format: data.pageSize, compress: true });
  const pen = new PdfCursor(doc);

  drawCover(pen, data);
  ink(doc, PALETTE.muted);
  await pen.line(`In this report: ${data.sections.map((s) => REPORT_SECTIONS[s]).join(', ')}.`);
  await pen.newPage();

  for (const [index, section] of data.sections.entries()) {
    await pen.heading(REPORT_SECTIONS[section]);
    await drawSection(pen, data, section);
    pen.y += LINE;
    onProgress((index + 1) / data.sections.length);
  }

  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal').setFontSize(8.5);
    ink(doc, PALETTE.muted);
    const foot = pen.height - 24;
    doc.text(
      `${data.title} · generated ${data.generatedAt.toISOString().slice(0, 10)}`,
      MARGIN,
      foot,
    );
    doc.text(`Page ${page} of ${pages}`, pen.width - MARGIN, foot, { align: 'right' });
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

async function drawSection(pen: PdfCursor, data: ReportData, section: ReportSection) {
  switch (section) {
    case 'ratings':
      if (data.ratings.length === 0) return pen.note('No ratings yet.');
      await pen.note(`${counted(data.ratings.length, 'film')} rated, newest first.`);
      return filmTable(
        pen,
        'Rated on',
        data.ratings.map((r) => ({ date: r.ratedOn, film: r, rating: r.rating })),
      );
    case 'recommendations':
      if (data.recommendations.length === 0)
        return pen.note('No recommendations yet: rate a few films first.');
      for (const [i, r] of data.recommendations.entries()) {
        await pen.ensure(LINE * 2);
        pen.doc.setFont('helvetica', 'bold');
        const stars =
          r.predictedStars === null ? '' : ` · we think ${r.predictedStars.toFixed(1)} stars`;
        await pen.line(`${i + 1}. ${filmName(r)}${stars}`);
        pen.body();
        if (r.because.length) {
          ink(pen.doc, PALETTE.muted);
          await pen.line(`Because you liked ${r.because.join(' and ')}`, 16);
          pen.body();
        }
      }
      return;
    case 'favourites':
      if (data.favourites.length === 0) return pen.note('No favourites yet.');
      await pen.note(`${counted(data.favourites.length, 'film')} marked as a favourite.`);
      for (const f of data.favourites) await pen.line(`•  ${filmName(f)}`);
      return;
    case 'watchlist':
      if (data.watchlist.length === 0) return pen.note('The watchlist is empty.');
      return filmTable(
        pen,
        'Added on',
        data.watchlist.map((w) => ({ date: w.addedAt.slice(0, 10), film: w, rating: null })),
      );
    case 'history': {
      const { from, to } = data.historyRange;
      const count = counted(data.history.length, 'viewing');
      await pen.note(
        from || to ? `From ${from ?? 'the start'} to ${to ?? 'today'}: ${count}.` : `${count}.`,
      );
      return filmTable(
        pen,
        'Watched on',
        data.history.map((v) => ({ date: v.watchedOn, film: v, rating: v.rating })),
      );
    }
    case 'charts':
      await barChart(
        pen,
        'How you rate (ratings per half star)',
        data.distribution.counts.map((value, i) => ({ label: String((i + 1) / 2), value })),
      );
      await barChart(
        pen,
        'Genres you rate most',
        data.genres.slice(0, 10).map((g) => ({ label: g.genre, value: g.count })),
      );
      if (data.directors.length)
        await barChart(
          pen,
          'Directors you watch most (films rated)',
          data.directors.slice(0, 10).map((p) => ({ label: p.name, value: p.count })),
        );
      return;
    case 'review': {
      const review = data.review;
      if (!review) return pen.note('No activity to review yet.');
      await pen.line(
        `${review.year}: ${counted(review.filmsWatched, 'film')} watched, ${counted(review.ratingsGiven, 'rating')}, ${counted(review.newFavourites.length, 'new favourite')}, longest streak ${counted(review.longestStreak, 'day')}.`,
      );
      pen.y += 4;
      for (const top of review.topRated) {
        await pen.ensure(LINE);
        const drawn = drawStars(pen.doc, top.rating, MARGIN + 8, pen.y - 3.5, 4.2);
        pen.doc.text(data.titleOf(top.movieId), MARGIN + 16 + drawn, pen.y);
        pen.y += LINE;
      }
      return;
    }
  }
}
