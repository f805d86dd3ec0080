// Every page and component draws its colours, radii and shadows from tokens.css, so that light
// and dark agree and the app reads as one product: a literal anywhere else fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../..', import.meta.url));
const TOKENS = 'lib/ui/tokens.css';

function styleSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return styleSources(path);
    return /\.(svelte|css)$/.test(entry.name) ? [path] : [];
  });
}

/** The CSS of a file: a .svelte file's <style> block, a .css file whole. */
function css(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.css')) return text;
  return /<style>([\s\S]*?)<\/style>/.exec(text)?.[1] ?? '';
}

/** Literals that belong in tokens.css, with where they were found. */
function literalsIn(style: string): string[] {
  const found: string[] = [];
  for (const [index, line] of style.split('\n').entries()) {
    // A colour computed from a variable (a stand-in poster's hue) is generated, not a literal.
    const isColour = /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\((?!(calc\()?var\()/i.test(line);
    const isShape = /(border-radius|box-shadow):\s*[^;]*\d(px|rem|em)/.test(line);
    if (isColour || isShape) found.push(`${index + 1}: ${line.trim()}`);
  }
  return found;
}

describe('design tokens', () => {
  it('finds a literal colour, radius or shadow (the check can fail)', () => {
    expect(literalsIn('a { color: #fff; border-radius: 6px; }\nb { gap: 1rem; }')).toHaveLength(1);
    expect(literalsIn('a {\n  color: #fff;\n  border-radius: 6px;\n}')).toHaveLength(2);
    expect(literalsIn('a { box-shadow: var(--shadow-1); border-radius: 50%; }')).toEqual([]);
  });

  it('are the only place colours, radii and shadows are written out', () => {
    const files = styleSources(src).filter((path) => relative(src, path) !== TOKENS);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((path) =>
      literalsIn(css(path)).map((line) => `${relative(src, path)}:${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
