// Runs in browser and Node. Writing down a PDF page by page: where the pen is, a new page when
// the next block does not fit (yielding to the page between pages), and the report's text styles.
import type { jsPDF as JsPdf } from 'jspdf';
import { fill, ink, PALETTE } from './pdf-draw';

export const MARGIN = 48;
export const LINE = 15;

export class PdfCursor {
  y = MARGIN;
  readonly width: number;
  readonly height: number;
  /** The width between the margins. */
  readonly inner: number;
  /** Drawn again at the top of a page a table continues on. */
  continuedHeader: (() => void) | null = null;

  constructor(readonly doc: JsPdf) {
    this.width = doc.internal.pageSize.getWidth();
    this.height = doc.internal.pageSize.getHeight();
    this.inner = this.width - 2 * MARGIN;
  }

  async newPage() {
    this.doc.addPage();
    this.y = MARGIN;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.body();
    this.continuedHeader?.();
  }

  /** A new page unless `space` points still fit on this one. */
  async ensure(space: number) {
    if (this.y + space > this.height - MARGIN) await this.newPage();
  }

  /** The body text style. */
  body() {
    this.doc.setFont('helvetica', 'normal').setFontSize(10);
    ink(this.doc, PALETTE.ink);
  }

  /** A section's title with the accent bar; never the last thing on a page. */
  async heading(text: string) {
    await this.ensure(LINE * 5);
    fill(this.doc, PALETTE.accent);
    this.doc.rect(MARGIN, this.y - 12, 4, 18, 'F');
    this.doc.setFont('helvetica', 'bold').setFontSize(16);
    ink(this.doc, PALETTE.ink);
    this.doc.text(text, MARGIN + 12, this.y + 2);
    this.y += LINE * 1.6;
    this.body();
  }

  /** Text wrapped to the page, continued on the next when it runs out. */
  async line(text: string, indent = 0) {
    const wrapped = this.doc.splitTextToSize(text, this.inner - indent) as string[];
    for (const part of wrapped) {
      await this.ensure(LINE);
      this.doc.text(part, MARGIN + indent, this.y);
      this.y += LINE;
    }
  }

  /** A quieter line: what a section holds, or why it is empty. */
  async note(text: string) {
    ink(this.doc, PALETTE.muted);
    await this.line(text);
    ink(this.doc, PALETTE.ink);
    this.y += 4;
  }

  /** `text` cut to fit `room` points, with an ellipsis. */
  fit(text: string, room: number) {
    if (this.doc.getTextWidth(text) <= room) return text;
    let cut = text;
    while (cut.length > 1 && this.doc.getTextWidth(`${cut}…`) > room) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  }
}
