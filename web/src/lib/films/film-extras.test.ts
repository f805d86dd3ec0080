import { describe, expect, it } from 'vitest';
import { formatRuntime, regionName, regionOfLanguage } from './film-extras';

describe('film extras helpers', () => {
  it("takes the where-to-watch region from the browser's language, US when it names none", () => {
    expect(regionOfLanguage('en-GB')).toBe('GB');
    expect(regionOfLanguage('de')).toBe('DE'); // the likely region of a bare language
    expect(regionOfLanguage('pt-BR')).toBe('BR');
    expect(regionOfLanguage(undefined)).toBe('US');
    expect(regionOfLanguage('es-419')).toBe('US'); // Latin America is no country
  });

  it('names regions and runtimes as people say them', () => {
    expect(regionName('GB')).toBe('United Kingdom');
    expect(formatRuntime(148)).toBe('2 h 28 min');
    expect(formatRuntime(120)).toBe('2 h');
    expect(formatRuntime(45)).toBe('45 min');
  });
});
