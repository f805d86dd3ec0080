// Page helpers shared by the specs: what a person waits for and does, by role and label.
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

/**
 * Waits until the catalog is on this device and the browse page lists films. A first visit is
 * welcomed with three ways to begin; this takes "Just browse".
 */
export async function waitForCatalog(page: Page): Promise<void> {
  const searchbox = page.getByRole('searchbox', { name: 'Search films' });
  const welcome = page.getByRole('heading', { name: 'Welcome to Filmfold' });
  await expect(searchbox.or(welcome)).toBeVisible({ timeout: 60_000 });
  if (await welcome.isVisible()) await page.getByRole('link', { name: /^Just browse/ }).click();
  await expect(searchbox).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /\d films?$/ })).toBeVisible();
}

/** Waits until the service worker controls the page, so that it works offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** A first visit done: the catalog installed, Browse listing films, the app ready to go offline. */
export async function firstVisit(page: Page): Promise<void> {
  await page.goto('/');
  await waitForCatalog(page);
  await waitForServiceWorker(page);
}

/** Searches the browse page and waits for the results of these words (not the ones before). */
export async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search films' }).fill(text);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, '\\+')}`));
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: new RegExp(`\\d films? for “${escapeRegExp(text)}”$`) }),
  ).toBeVisible();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens a film's page from the grid by its card's title. */
export async function openFilm(page: Page, title: string): Promise<void> {
  await page
    .getByRole('listitem')
    .getByRole('link', { name: new RegExp(`^${title}`) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

/** Rates the open film page with the half-star control. */
export async function rateOpenFilm(page: Page, stars: number): Promise<void> {
  await page
    .getByRole('radio', { name: `${stars} star${stars === 1 ? '' : 's'}`, exact: true })
    .check();
  await expect(page.getByText(`${stars} ★`, { exact: true })).toBeVisible();
}

/** Creates an account (or signs in) on the account page. */
export async function signUp(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/account');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: `Signed in as ${email}` })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/account');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Signed in as ${email}` })).toBeVisible();
}

/** Another device (a fresh browser context) signed in to the account, once it has synced. */
export async function secondDevice(
  browser: Browser,
  email: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await waitForCatalog(page);
  await signIn(page, email, password);
  await expect(page.getByTestId('sync-state')).toHaveText('Synced');
  return { context, page };
}
