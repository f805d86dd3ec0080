// Runs in browser and Node. The report's cover: a dark band with the title, the headline numbers
// (the taste page's own), posters of the best-rated films, and how the person rates.
import type { ReportData } from './pdf-report';
import { MARGIN, type PdfCursor } from './pdf-cursor';
import { drawStars, fill, ink, PALETTE, standInColour, stroke } from './pdf-draw';
import type { FilmRef } from './pdf-blocks';

/** The best-rated films the cover shows (highest stars, then the most recently rated). */
export const coverFilms = (data: Pick<ReportData, 'ratings'>) =>
  [...data.ratings]
    .sort((a, b) => b.rating - a.rating || b.ratedOn.localeCompare(a.ratedOn))
    .slice(0, 6);

export function drawCover(pen: PdfCursor, data: ReportData) {
  const { doc, width, inner } = pen;
  fill(doc, PALETTE.ink);
  doc.rect(0, 0, width, 190, 'F');
  doc.setFont('helvetica', 'bold').setFontSize(13);
  ink(doc, PALETTE.gold);
  doc.text('Filmfold', MARGIN, 58);
  doc.setFontSize(28);
  ink(doc, PALETTE.white);
  doc.text(pen.fit(data.title, inner), MARGIN, 110);
  doc.setFont('helvetica', 'normal').setFontSize(11);
  ink(doc, PALETTE.rule);
  const made = data.generatedAt.toLocaleDateString('en-GB', { dateStyle: 'long' });
  doc.text(`Made with Filmfold on ${made}`, MARGIN, 140);

  pen.y = 240;
  const mean = data.distribution.mean;
  const tiles = [
    { value: data.distribution.total.toLocaleString('en-GB'), label: 'films rated' },
    { value: mean === null ? '–' : mean.toFixed(1), label: 'average stars' },
    { value: data.favourites.length.toLocaleString('en-GB'), label: 'favourites' },
    { value: data.viewingCount.toLocaleString('en-GB'), label: 'viewings in the diary' },
  ];
  const tileWidth = (inner - 3 * 10) / 4;
  for (const [i, tile] of tiles.entries()) {
    const x = MARGIN + i * (tileWidth + 10);
    fill(doc, PALETTE.accentSoft);
    doc.roundedRect(x, pen.y - 28, tileWidth, 64, 6, 6, 'F');
    doc.setFont('helvetica', 'bold').setFontSize(24);
    ink(doc, PALETTE.accentText);
    doc.text(tile.value, x + 10, pen.y + 4);
    doc.setFont('helvetica', 'normal').setFontSize(9);
    ink(doc, PALETTE.muted);
    doc.text(tile.label, x + 10, pen.y + 24);
  }
  pen.y += 80;

  const best = coverFilms(data);
  if (best.length) {
    doc.setFont('helvetica', 'bold').setFontSize(12);
    ink(doc, PALETTE.ink);
    doc.text('Your best rated', MARGIN, pen.y);
    pen.y += 14;
    const gap = 10;
    const posterWidth = (inner - 5 * gap) / 6;
    const posterHeight = posterWidth * 1.5;
    for (const [i, film] of best.entries()) {
      const x = MARGIN + i * (posterWidth + gap);
      poster(pen, data, film, x, posterWidth, posterHeight);
      drawStars(doc, film.rating, x, pen.y + posterHeight + 10, 3.4);
    }
    pen.y += posterHeight + 46;
  }
  if (data.distribution.total > 0) histogram(pen, data.distribution.counts);
  pen.body();
}

/** A poster the device holds, or its stand-in (the title on the film's own colour). */
function poster(pen: PdfCursor, data: ReportData, film: FilmRef, x: number, w: number, h: number) {
  const { doc } = pen;
  const image = data.posters.get(film.movieId);
  if (image) {
    doc.addImage(image.data, image.format, x, pen.y, w, h);
    return;
  }
  fill(doc, standInColour(film.movieId));
  doc.roundedRect(x, pen.y, w, h, 4, 4, 'F');
  doc.setFont('helvetica', 'bold').setFontSize(8);
  ink(doc, PALETTE.white);
  const words = doc.splitTextToSize(film.title, w - 10) as string[];
  doc.text(words.slice(0, 5), x + 5, pen.y + 14);
}

/** "How you rate": a column per half star, as on the taste page. */
function histogram(pen: PdfCursor, counts: readonly number[]) {
  const { doc, width, inner } = pen;
  doc.setFont('helvetica', 'bold').setFontSize(12);
  ink(doc, PALETTE.ink);
  doc.text('How you rate', MARGIN, pen.y);
  pen.y += 24;
  const chartHeight = 90;
  const max = Math.max(1, ...counts);
  const column = inner / counts.length;
  doc.setFont('helvetica', 'normal').setFontSize(8.5);
  for (const [i, count] of counts.entries()) {
    const x = MARGIN + i * column;
    const barHeight = (count / max) * chartHeight;
    fill(doc, PALETTE.accent);
    if (count > 0) doc.rect(x + 4, pen.y + chartHeight - barHeight, column - 8, barHeight, 'F');
    ink(doc, PALETTE.muted);
    const centre = x + column / 2;
    doc.text(count.toLocaleString('en-GB'), centre, pen.y + chartHeight - barHeight - 4, {
      align: 'center',
    });
    doc.text(`${(i + 1) / 2}`, centre, pen.y + chartHeight + 12, { align: 'center' });
  }
  stroke(doc, PALETTE.rule);
  doc.setLineWidth(0.6).line(MARGIN, pen.y + chartHeight, width - MARGIN, pen.y + chartHeight);
  pen.y += chartHeight + 34;
}
