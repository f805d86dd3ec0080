// Runs in browser and Node. The PDF report's look: the app's light-theme colours (tokens.css) as
// RGB, and the shapes jsPDF's standard fonts cannot write (a star has no glyph in Helvetica).
import type { jsPDF as JsPdf } from 'jspdf';

type Rgb = readonly [number, number, number];

/** tokens.css, light theme: paper is printed light whatever the screen's theme. */
export const PALETTE = {
  ink: [27, 29, 34],
  muted: [91, 96, 112],
  paper: [247, 246, 242],
  rule: [221, 220, 216],
  accent: [168, 100, 11],
  accentText: [138, 79, 0],
  accentSoft: [245, 232, 212],
  gold: [245, 196, 81],
  white: [255, 255, 255],
} as const satisfies Record<string, Rgb>;

export const fill = (doc: JsPdf, [r, g, b]: Rgb) => doc.setFillColor(r, g, b);
export const ink = (doc: JsPdf, [r, g, b]: Rgb) => doc.setTextColor(r, g, b);
export const stroke = (doc: JsPdf, [r, g, b]: Rgb) => doc.setDrawColor(r, g, b);

/** A five-pointed star's corners around (cx, cy), from the top clockwise (outer, inner, …). */
function starPoints(cx: number, cy: number, outer: number): [number, number][] {
  const inner = outer * 0.45;
  return Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 ? inner : outer;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
}

function polygon(doc: JsPdf, points: [number, number][]) {
  const [[x0, y0]] = points as [[number, number]];
  const deltas = points.slice(1).map(([x, y], i) => [x - points[i]![0], y - points[i]![1]]);
  doc.lines(deltas, x0, y0, [1, 1], 'F', true);
}

/**
 * Stars for a rating from ½ to 5, as the app draws them: filled, half filled, empty.
 * @example drawStars(doc, 4.5, x, y, 4) // five stars of radius 4 from x, centred on y
 */
export function drawStars(doc: JsPdf, rating: number, x: number, y: number, radius: number) {
  for (let i = 0; i < 5; i++) {
    const cx = x + radius + i * radius * 2.3;
    const points = starPoints(cx, y, radius);
    fill(doc, PALETTE.rule);
    polygon(doc, points);
    const filled = Math.min(1, Math.max(0, rating - i));
    fill(doc, PALETTE.accent);
    if (filled === 1) polygon(doc, points);
    // The left half: the top point round the left side to the inner corner at the bottom.
    else if (filled === 0.5) polygon(doc, [points[0]!, ...points.slice(5).reverse()]);
  }
  return radius * 2.3 * 5;
}

/** The stand-in poster's colour for a film, as PosterArt draws it (hsl(hue 45% 38%)). */
export function standInColour(movieId: number): Rgb {
  const hue = (movieId * 47) % 360;
  const [s, l] = [0.45, 0.38];
  const k = (n: number) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) =>
    Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [channel(0), channel(8), channel(4)];
}

export interface PosterImage {
  data: Uint8Array;
  format: 'JPEG' | 'PNG';
}

/** The image type from its first bytes, or null for anything jsPDF cannot embed. */
export function posterFormat(bytes: Uint8Array): PosterImage['format'] | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'JPEG';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'PNG';
  return null;
}
