// Runs in browser and Node. The PDF report (jsPDF): real text, charts drawn as vector shapes,
// page numbers and the generation date on every page. It yields between pages so that the page
// stays responsive, and reports progress.
import type { jsPDF as JsPdf } from 'jspdf';
import { counted } from '$lib/text/counted';
import type { Distribution, GenreStat, PersonStat, YearInReview } from '$lib/taste/stats';

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
  recommendations: {
    title: string;
    year: number | null;
    because: string[];
    predictedStars: number | null;
  }[];
  /** Every rated film, newest rating first; `ratedOn` is the person's local day. */
  ratings: { title: string; year: number | null; rating: number; ratedOn: string }[];
  favourites: { title: string; year: number | null }[];
  watchlist: { title: string; year: number | null; addedAt: string }[];
  /** Already limited to the chosen date range, newest first. */
  history: { watchedOn: string; title: string; year: number | null; rating: number | null }[];
  historyRange: { from: string | null; to: string | null };
  distribution: Distribution;
  genres: GenreStat[];
  /** Directors of the rated films (empty when the catalog has no credits). */
  directors: PersonStat[];
  review: YearInReview | null;
  titleOf: (movieId: number) => string;
}

const MARGIN = 48;
const LINE = 15;

/** Builds the report; `onProgress` gets the share done (0-1). */
export async function buildReport(
  data: ReportData,
  onProgress: (done: number) => void = () => {},
): Promise<Uint8Array> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'pt', format: data.pageSize });
  const width = doc.internal.pageSize.getWidth();
  const height = doc.internal.pageSize.getHeight();
  let y = MARGIN;
  const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  const newPage = async () => {
    doc.addPage();
    y = MARGIN;
    await yieldToPage();
  };
  const ensure = async (space: number) => {
    if (y + space > height - MARGIN) await newPage();
  };
  const heading = async (text: string) => {
    await ensure(LINE * 3);
    doc
      .setFont('helvetica', 'bold')
      .setFontSize(16)
      .text(text, MARGIN, y + 4);
    y += LINE * 1.8;
    doc.setFont('helvetica', 'normal').setFontSize(11);
  };
  const line = async (text: string, indent = 0) => {
    const wrapped = doc.splitTextToSize(text, width - 2 * MARGIN - indent) as string[];
    for (const part of wrapped) {
      await ensure(LINE);
      doc.text(part, MARGIN + indent, y);
      y += LINE;
    }
  };
  const filmName = (f: { title: string; year: number | null }) =>
    f.year ? `${f.title} (${f.year})` : f.title;

  doc
    .setFont('helvetica', 'bold')
    .setFontSize(24)
    .text(data.title, MARGIN, y + 10);
  y += 40;
  doc.setFont('helvetica', 'normal').setFontSize(11);
  await line(
    `Made with Filmfold on ${data.generatedAt.toLocaleDateString('en-GB', { dateStyle: 'long' })}.`,
  );
  y += LINE;

  const total = data.sections.length;
  for (const [index, section] of data.sections.entries()) {
    await heading(REPORT_SECTIONS[section]);
    switch (section) {
      case 'ratings':
        if (data.ratings.length === 0) await line('No ratings yet.');
        else await line(`${counted(data.ratings.length, 'film')} rated, newest first.`);
        for (const r of data.ratings)
          await line(`${r.ratedOn}   ${filmName(r)}   ${counted(r.rating, 'star')}`);
        break;
      case 'recommendations':
        if (data.recommendations.length === 0)
          await line('No recommendations yet: rate a few films first.');
        for (const [i, r] of data.recommendations.entries()) {
          const stars =
            r.predictedStars === null ? '' : ` · we think ${r.predictedStars.toFixed(1)} stars`;
          await line(`${i + 1}. ${filmName(r)}${stars}`);
          if (r.because.length) await line(`Because you liked ${r.because.join(' and ')}`, 16);
        }
        break;
      case 'favourites':
        if (data.favourites.length === 0) await line('No favourites yet.');
        for (const f of data.favourites) await line(`• ${filmName(f)}`);
        break;
      case 'watchlist':
        if (data.watchlist.length === 0) await line('The watchlist is empty.');
        for (const w of data.watchlist)
          await line(`• ${filmName(w)}, added ${w.addedAt.slice(0, 10)}`);
        break;
      case 'history': {
        const { from, to } = data.historyRange;
        await line(
          from || to
            ? `From ${from ?? 'the start'} to ${to ?? 'today'}: ${counted(data.history.length, 'viewing')}.`
            : `${counted(data.history.length, 'viewing')}.`,
        );
        for (const v of data.history) {
          await line(
            `${v.watchedOn}   ${filmName(v)}${v.rating === null ? '' : `   ${counted(v.rating, 'star')}`}`,
          );
        }
        break;
      }
      case 'charts':
        await barChart(
          doc,
          'How you rate (ratings per half star)',
          data.distribution.counts.map((value, i) => ({ label: String((i + 1) / 2), value })),
        );
        await barChart(
          doc,
          'Genres you rate most',
          data.genres.slice(0, 10).map((g) => ({ label: g.genre, value: g.count })),
        );
        if (data.directors.length)
          await barChart(
            doc,
            'Directors you watch most (films rated)',
            data.directors.slice(0, 10).map((p) => ({ label: p.name, value: p.count })),
          );
        break;
      case 'review': {
        const review = data.review;
        if (!review) {
          await line('No activity to review yet.');
          break;
        }
        await line(
          `${review.year}: ${counted(review.filmsWatched, 'film')} watched, ${counted(review.ratingsGiven, 'rating')}, ${counted(review.newFavourites.length, 'new favourite')}, longest streak ${counted(review.longestStreak, 'day')}.`,
        );
        for (const top of review.topRated)
          await line(`• ${data.titleOf(top.movieId)}: ${counted(top.rating, 'star')}`, 8);
        break;
      }
    }
    y += LINE;
    onProgress((index + 1) / total);
  }

  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFontSize(9).setTextColor(110);
    doc.text(
      `${data.title} · generated ${data.generatedAt.toISOString().slice(0, 10)}`,
      MARGIN,
      height - 24,
    );
    doc.text(`Page ${page} of ${pages}`, width - MARGIN, height - 24, { align: 'right' });
    doc.setTextColor(0);
  }
  return new Uint8Array(doc.output('arraybuffer'));

  /** Horizontal bars drawn as vector rectangles, labelled with real text. */
  async function barChart(pdf: JsPdf, title: string, bars: { label: string; value: number }[]) {
    const rowHeight = 16;
    await ensure(LINE * 2 + bars.length * rowHeight);
    pdf.setFont('helvetica', 'bold').setFontSize(12).text(title, MARGIN, y);
    y += LINE;
    pdf.setFont('helvetica', 'normal').setFontSize(10);
    const max = Math.max(1, ...bars.map((b) => b.value));
    // Room for the widest label (a director's name is longer than a genre), within reason.
    const widest = Math.max(0, ...bars.map((b) => pdf.getTextWidth(b.label)));
    const left = MARGIN + Math.min(width * 0.4, Math.max(90, widest + 8));
    const span = width - MARGIN - left - 40;
    for (const bar of bars) {
      pdf.text(bar.label, left - 8, y + 10, { align: 'right' });
      pdf
        .setFillColor(168, 100, 11)
        .rect(left, y + 2, (bar.value / max) * span, rowHeight - 5, 'F');
      pdf.text(String(bar.value), left + (bar.value / max) * span + 6, y + 10);
      y += rowHeight;
    }
    y += LINE;
  }
}
