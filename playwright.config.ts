import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4319);
const baseURL = `http://localhost:${port}`;

// Playwright cannot download its own browser here: use the system Chromium (Debian's `chromium`).
// Playwright empties outputDir before each run; the server's database lives beside it.
const e2eDataDir = fileURLToPath(new URL('./test-results/e2e-data', import.meta.url));

// MovieLens for the server's first training: the shared development copy (never committed).
const movieLens = fileURLToPath(new URL('../shared/datasets/ml-latest-small', import.meta.url));

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// TMDB and OMDb: the local stub (never the internet), answering with the real directors and cast
// that ../shared/datasets/metadata knows for MovieLens films.
const stubPort = Number(process.env.E2E_STUB_PORT ?? 4320);
const stub = `http://127.0.0.1:${stubPort}`;
const metadata = fileURLToPath(
  new URL('../shared/datasets/metadata/movie_metadata.csv', import.meta.url),
);

export default defineConfig({
  testDir: './web/e2e',
  // Specs start once the server has fetched every film's details from the stub and published
  // the catalog that carries them.
  globalSetup: './web/e2e/global-setup.ts',
  outputDir: './test-results',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: 'npm run stub -w sync-server',
      url: `${stub}/__stub/requests`,
      env: { STUB_PORT: String(stubPort), STUB_MOVIELENS: movieLens, STUB_METADATA: metadata },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'npm run start -w sync-server',
      url: `${baseURL}/api/health`,
      // A throwaway embedded database, apart from the one `npm start` uses.
      env: {
        PORT: String(port),
        HOST: 'localhost',
        DATA_DIR: e2eDataDir,
        MOVIELENS: movieLens,
        TMDB_BASE_URL: `${stub}/tmdb/3`,
        TMDB_IMAGE_BASE_URL: `${stub}/images`,
        TMDB_KEY: 'stub-tmdb-key',
        TMDB_RATE: '2000',
        OMDB_BASE_URL: `${stub}/omdb`,
        OMDB_KEY: 'stub-omdb-key',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000, // the first start imports MovieLens and trains the first model
    },
  ],
});
