import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { firstVisit } from './app';

/** Asks on the Ask page and waits for the answer to this message. */
async function ask(page: Page, message: string) {
  await page.getByLabel('What are you in the mood for?').fill(message);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(page.getByText(`You asked: ${message}`, { exact: true })).toBeVisible();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const chips = (page: Page) =>
  page.getByRole('group', { name: 'What Filmfold understood' }).getByRole('button');
const answerCards = (page: Page) => page.getByRole('article');

/** The year of each film in the answer, as its card says it. */
async function yearsShown(page: Page): Promise<number[]> {
  const years = await answerCards(page).locator('.year').allTextContents();
  return years.map((y) => Number(y.replace(/\D/g, '')));
}

test('a person asks for scary 80s films, follows up, removes a chip, and it all works offline', async ({
  page,
  context,
}) => {
  await firstVisit(page);
  await page.getByRole('link', { name: 'Ask' }).first().click();
  await expect(page.getByRole('heading', { name: 'Ask Filmfold' })).toBeVisible();
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => v.id)).toEqual([]);

  await ask(page, 'scary movies from the 80s');
  await expect(chips(page)).toHaveText([/scary/, /1980s/]);
  await expect(answerCards(page)).toHaveCount(10);
  for (const year of await yearsShown(page)) expect(year).toBeGreaterThanOrEqual(1980);
  for (const year of await yearsShown(page)) expect(year).toBeLessThanOrEqual(1989);
  // Horror first: the cards' reasons cite the request.
  await expect(answerCards(page).first()).toContainText('A scary 1980s film');
  await expect(page.getByRole('link', { name: 'The Shining' })).toBeVisible();

  await ask(page, 'something lighter');
  await expect(chips(page)).toHaveText([/light/, /1980s/]);
  await expect(page.getByRole('link', { name: 'The Shining' })).toBeHidden();
  const second = (await answerCards(page).nth(1).getByRole('heading').textContent())!
    .replace(/\s*\(\d{4}\)\s*$/, '')
    .trim();

  await ask(page, 'more like the second one');
  await expect(chips(page)).toHaveText([/light/, new RegExp(`like ${escape(second)}`), /1980s/]);
  await expect(answerCards(page).first()).toContainText(`like ${second}`);

  // Removing the decade chip re-answers without it; the rest holds.
  await page.getByRole('button', { name: 'Remove filter: 1980s' }).click();
  await expect(chips(page)).toHaveText([/light/, new RegExp(`like ${escape(second)}`)]);
  await expect(answerCards(page)).toHaveCount(10);
  expect((await yearsShown(page)).some((year) => year < 1980 || year > 1989)).toBe(true);

  // Offline, the same conversation goes on: nothing of it needs the network.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Ask Filmfold' })).toBeVisible();
  await expect(chips(page)).toHaveText([/light/, new RegExp(`like ${escape(second)}`)]);
  await ask(page, 'older');
  await expect(chips(page)).toHaveText([
    /light/,
    new RegExp(`like ${escape(second)}`),
    /or earlier/,
  ]);
  await expect(answerCards(page).first()).toBeVisible();

  await page.getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByRole('heading', { name: 'Try' })).toBeVisible();
  await context.setOffline(false);
});
