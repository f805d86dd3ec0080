import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { waitForCatalog } from './app';

test('a newcomer answers the first questions, gets explained picks, and feedback re-ranks at once', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await waitForCatalog(page);
  await page.getByRole('link', { name: 'For you' }).click();
  await page.getByRole('link', { name: 'Start' }).click();

  await expect(page.getByRole('heading', { name: 'Let’s learn your taste' })).toBeVisible();
  const enjoy = page.getByRole('group', { name: 'Genres you enjoy' });
  await enjoy.getByRole('checkbox', { name: 'Sci-Fi' }).check();
  await enjoy.getByRole('checkbox', { name: 'Action' }).check();
  await page
    .getByRole('group', { name: 'Genres you would rather avoid' })
    .getByRole('checkbox', { name: 'Horror' })
    .check();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);
  await page.getByRole('button', { name: 'Next: rate a few films' }).click();

  // Ten answers: rate most, skip one; no franchise twice in a row of questions.
  const asked: string[] = [];
  for (let answered = 0; answered < 10;) {
    const title = (await page.getByRole('heading', { level: 2 }).textContent()) ?? '';
    asked.push(title);
    if (asked.length === 3) {
      await page.getByRole('button', { name: 'Haven’t seen it' }).click();
    } else {
      await page
        .getByRole('radio', { name: answered % 2 ? '4 stars' : '5 stars', exact: true })
        .click(); // not check(): the answer moves on to the next film at once
      answered++;
    }
    if (answered < 10) await expect(page.getByRole('heading', { level: 2 })).not.toHaveText(title);
  }
  expect(new Set(asked).size).toBe(asked.length);

  await expect(page).toHaveURL(/\/for-you$/);
  await expect(page.getByRole('status').filter({ hasText: /picks from 10 ratings/ })).toBeVisible();
  const cards = page.getByRole('article');
  await expect(cards.first()).toContainText('Because you liked');
  await expect(cards.first()).toContainText('We think you’d give it');
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);

  await page.screenshot({ path: test.info().outputPath('for-you.png') });
  // The order is what the page says it is: by predicted stars, the stars never go up.
  const picksStatus = page.getByRole('status').filter({ hasText: /picks from/ });
  await expect(picksStatus).toContainText('best match first');
  await page.getByLabel('Order').selectOption('stars');
  await expect(picksStatus).toContainText('highest predicted stars first');
  const shown = (await cards.locator('.stars strong').allTextContents()).map((t) =>
    Number(t.replace('★', '').trim()),
  );
  expect(shown.length).toBeGreaterThan(10);
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  await page.getByLabel('Order').selectOption('match');
  const first = cards.first();
  const firstTitle = (await first
    .getByRole('heading', { level: 2 })
    .getByRole('link')
    .textContent())!;
  await first.getByRole('button', { name: 'Why?' }).click();
  await expect(first.getByRole('listitem').first()).toBeVisible();

  await first.getByRole('button', { name: 'Not for me' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /tuned by your feedback/ }),
  ).toBeVisible();
  const firstCard = page
    .getByRole('heading', { level: 2 })
    .getByRole('link', { name: firstTitle, exact: true });
  await expect(firstCard).toHaveCount(0);
  // Every card action can be undone: the film comes back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(firstCard).toHaveCount(1);
  await first.getByRole('button', { name: 'Not for me' }).click();
  await expect(firstCard).toHaveCount(0);

  // Filters: a decade narrows the list to films of that decade.
  await page.getByLabel('Decade').selectOption({ label: '1990s' });
  // Wait for the filtered list itself: the status line read "picks from" before the filter too.
  const years = async () =>
    (await page.locator('article .year').allTextContents()).map((y) =>
      Number(y.replace(/\D/g, '')),
    );
  await expect
    .poll(async () => {
      const shown = await years();
      return shown.length > 0 && shown.every((year) => year >= 1990 && year < 2000);
    })
    .toBe(true);

  // More like this on a film page.
  await cards.first().getByRole('heading', { level: 2 }).getByRole('link').click();
  const more = page.getByRole('region', { name: 'More like this' });
  await expect(more.getByRole('listitem').first()).toBeVisible();
  await expect(more.getByRole('listitem')).toHaveCount(8);
});
