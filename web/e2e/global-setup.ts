// Runs once before the specs: waits until the server has fetched every film's details from the
// TMDB stub and published the catalog carrying them, so that no spec sees the catalog change.
import type { FullConfig } from '@playwright/test';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]!.use.baseURL!;
  const deadline = Date.now() + 300_000;
  for (;;) {
    const health = (await (await fetch(`${baseURL}/api/health`)).json()) as {
      enrichment: { state: string; done: number; total: number };
    };
    if (['finished', 'unconfigured'].includes(health.enrichment.state)) return;
    if (Date.now() > deadline)
      throw new Error(`Film details did not finish: ${JSON.stringify(health.enrichment)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
