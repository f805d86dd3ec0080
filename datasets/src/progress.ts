// Runs in Node. A progress line on stderr, so that stdout stays clean for tables and JSON.

const MB = 1024 * 1024;

/**
 * Returns a (done, total) callback that draws "label 42% (4.1 / 9.8 MB)". On a terminal it
 * redraws one line; elsewhere (CI logs) it prints a line every 10%.
 */
export function byteProgress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): (done: number, total: number) => void {
  let lastShown = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : -1;
    const step = stream.isTTY ? percent : percent - (percent % 10);
    if (step === lastShown) return;
    lastShown = step;
    const size =
      total > 0
        ? `${(done / MB).toFixed(1)} / ${(total / MB).toFixed(1)} MB`
        : `${(done / MB).toFixed(1)} MB`;
    const text = `${label} ${percent >= 0 ? `${percent}% ` : ''}(${size})`;
    if (stream.isTTY) stream.write(`\r${text}${percent === 100 ? '\n' : ''}`);
    else stream.write(`${text}\n`);
  };
}
