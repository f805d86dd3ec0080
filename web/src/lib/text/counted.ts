// Runs in browser, worker and Node. One way to write a count with its noun, for every page and
// the PDF report alike.

/** "1 day", "2 days", "1,204 ratings". @example counted(n, 'viewing') */
export const counted = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
