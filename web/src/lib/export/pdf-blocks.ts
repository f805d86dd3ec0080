// Runs in browser and Node. The report's building blocks: a dated table of films with stars,
// and a horizontal bar chart, both as real text over vector shapes.
import { LINE, MARGIN, type PdfCursor } from './pdf-cursor';
import { drawStars, fill, ink, PALETTE, stroke } from './pdf-draw';

const ROW = 17;

export interface FilmRef {
  movieId: number;
  title: string;
  year: number | null;
}

export const filmName = (f: { title: string; year: number | null }) =>
  f.year ? `${f.title} (${f.year})` : f.title;

/**
 * A table of films: a date column, the film, and stars where there is a rating; zebra rows, the
 * header repeated on every page it runs onto.
 */
export async function filmTable(
  pen: PdfCursor,
  dateLabel: string,
  rows: readonly { date: string; film: FilmRef; rating: number | null }[],
) {
  const { doc, width, inner } = pen;
  const dateWidth = 78;
  const starsWidth = 78;
  const filmWidth = inner - dateWidth - starsWidth - 8;
  const header = () => {
    doc.setFont('helvetica', 'bold').setFontSize(8.5);
    ink(doc, PALETTE.muted);
    doc.text(dateLabel.toUpperCase(), MARGIN + 4, pen.y);
    doc.text('FILM', MARGIN + dateWidth, pen.y);
    doc.text('STARS', width - MARGIN - starsWidth, pen.y);
    stroke(doc, PALETTE.rule);
    doc.setLineWidth(0.6).line(MARGIN, pen.y + 5, width - MARGIN, pen.y + 5);
    pen.y += ROW;
    pen.body();
  };
  await pen.ensure(ROW * 3);
  header();
  pen.continuedHeader = header;
  for (const [i, row] of rows.entries()) {
    await pen.ensure(ROW);
    if (i % 2 === 0) {
      fill(doc, PALETTE.paper);
      doc.rect(MARGIN, pen.y - 12, inner, ROW, 'F');
    }
    doc.text(row.date, MARGIN + 4, pen.y);
    doc.text(pen.fit(filmName(row.film), filmWidth), MARGIN + dateWidth, pen.y);
    if (row.rating !== null) {
      const drawn = drawStars(doc, row.rating, width - MARGIN - starsWidth, pen.y - 3.5, 4.2);
      ink(doc, PALETTE.muted);
      doc.text(row.rating.toFixed(1), width - MARGIN - starsWidth + drawn + 4, pen.y);
      ink(doc, PALETTE.ink);
    }
    pen.y += ROW;
  }
  pen.continuedHeader = null;
  pen.y += 6;
}

/** Horizontal bars drawn as vector rectangles, labelled with real text. */
export async function barChart(
  pen: PdfCursor,
  title: string,
  bars: readonly { label: string; value: number }[],
) {
  const { doc, width } = pen;
  const rowHeight = 16;
  await pen.ensure(LINE * 2 + bars.length * rowHeight);
  doc.setFont('helvetica', 'bold').setFontSize(11.5).text(title, MARGIN, pen.y);
  pen.y += LINE;
  pen.body();
  const max = Math.max(1, ...bars.map((b) => b.value));
  // Room for the widest label (a director's name is longer than a genre), within reason.
  const widest = Math.max(0, ...bars.map((b) => doc.getTextWidth(b.label)));
  const left = MARGIN + Math.min(width * 0.4, Math.max(90, widest + 8));
  const span = width - MARGIN - left - 40;
  for (const bar of bars) {
    const length = (bar.value / max) * span;
    doc.text(bar.label, left - 8, pen.y + 10, { align: 'right' });
    fill(doc, PALETTE.accent);
    if (bar.value > 0) doc.roundedRect(left, pen.y + 2, length, rowHeight - 5, 2, 2, 'F');
    ink(doc, PALETTE.muted);
    doc.text(bar.value.toLocaleString('en-GB'), left + length + 6, pen.y + 10);
    ink(doc, PALETTE.ink);
    pen.y += rowHeight;
  }
  pen.y += LINE;
}
