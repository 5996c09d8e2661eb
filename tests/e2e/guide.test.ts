import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage } from './browser';

const baseURL = inject('baseURL');
const browserMissing = !hasChromium() && process.env.CI !== 'true';

describe.skipIf(browserMissing)('the guide', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('without JavaScript: one question per screen, with Next, Skip and Back, to a shareable result', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled: false });
    page.setDefaultTimeout(10_000);
    await page.goto('/en');
    await page.getByRole('link', { name: 'Which group for me?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Which kind of group is right for me?' }).waitFor();
    expect(await page.getByText('Question 1 of 9').count()).toBe(1);

    await page.getByLabel('Topic').selectOption('e2e-guide-grief');
    await page.getByRole('radio', { name: 'French', exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 2 of 9').waitFor();
    expect(new URL(page.url()).search).toBe('?topic=e2e-guide-grief&language=fr&step=2');

    await page.getByRole('radio', { name: 'I am not ready to talk in front of people' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 3 of 9').waitFor();
    // Skipping drops whatever was ticked on that screen.
    await page.getByRole('radio', { name: 'Yes: a planned program, with the same people each time' }).check();
    await page.getByRole('button', { name: 'Skip this question' }).click();
    await page.getByText('Question 4 of 9').waitFor();
    expect(new URL(page.url()).searchParams.has('structure')).toBe(false);

    // Back keeps the earlier answers.
    await page.getByRole('link', { name: 'Previous question' }).click();
    await page.getByText('Question 3 of 9').waitFor();
    await page.getByRole('link', { name: 'Previous question' }).click();
    await page.getByText('Question 2 of 9').waitFor();
    expect(await page.getByRole('radio', { name: 'I am not ready to talk in front of people' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Skip this question' }).click(); // structure
    await page.getByText('Question 4 of 9').waitFor();
    await page.getByRole('button', { name: 'Skip this question' }).click(); // treatment
    await page.getByRole('radio', { name: 'I often need support at odd hours, even in the middle of the night' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 6 of 9').waitFor();
    await page.getByRole('radio', { name: 'Nothing, or very little' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Skip this question' }).click(); // anonymity
    await page.getByRole('radio', { name: 'I live far from any city' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 9 of 9').waitFor();
    await page.getByRole('button', { name: 'See my results' }).click();

    await page.getByRole('heading', { level: 1, name: 'Kinds of groups that may suit you' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/guide/results');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      topic: 'e2e-guide-grief',
      language: 'fr',
      talk: 'not_ready',
      schedule: 'odd_hours',
      budget: 'free',
      place: 'far',
    });
    const first = page.locator('.ranked-option').first();
    expect(await first.getByRole('heading').textContent()).toContain('Online community');
    expect(await first.getByRole('heading').textContent()).toContain('Best fit');
    const firstText = await first.textContent();
    expect(firstText).toContain('You can read what others share without ever posting.');
    expect(firstText).toContain('No meeting time to keep: members exchange in writing.');
    // Needing support at night shows the crisis lines with the result.
    expect(await page.getByRole('note').textContent()).toContain('988');
    // Real groups, matched on the topic (a sub-topic counts), the language and the budget.
    await page.getByRole('link', { name: 'Night owls grief community' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tuesday grief drop-in' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Compare the kinds of groups side by side' }).first().click();
    await page.waitForURL('**/en/kinds-of-groups');
    // The result is a plain URL: opening it again gives the same page.
    await page.goto(url.pathname + url.search);
    await page.getByRole('link', { name: 'Night owls grief community' }).waitFor();
    await assertClean();
  });

  it('with JavaScript: every question on one page, answered in French', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { locale: 'fr-CA' });
    page.setDefaultTimeout(10_000);
    await page.goto('/fr/guide');
    // After hydration the form shows all nine questions at once.
    await expect.poll(() => page.locator('fieldset.guide-question').count()).toBe(9);
    expect(await page.getByText('Question 1 sur 9').count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'Oui, un traitement animé par une ou un thérapeute titulaire d’un permis' }).check();
    await page.getByRole('radio', { name: 'Oui : un programme planifié, avec les mêmes personnes chaque fois' }).check();
    await page.getByRole('radio', { name: 'Régulière : je peux garder la même plage horaire chaque semaine' }).check();
    await page.getByRole('button', { name: 'Voir mes résultats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Les types de groupes qui pourraient vous convenir' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/fr/guide/resultats');
    expect(Object.fromEntries(url.searchParams)).toEqual({ treatment: 'treatment', structure: 'structured', schedule: 'predictable' });
    const options = page.locator('.ranked-option h3');
    expect(await options.first().textContent()).toContain('Thérapie de groupe');
    const therapy = page.locator('.ranked-option').first();
    expect(await therapy.textContent()).toContain('Animé par une ou un thérapeute dont le permis a été vérifié.');
    expect(await page.getByRole('note').count()).toBe(0);
    await page.getByRole('link', { name: 'Huit semaines pour traverser le deuil (thérapie de groupe)' }).waitFor();
    await expectAccessible(page);

    // "Change my answers" brings them back, ticked.
    await page.getByRole('link', { name: 'Modifier mes réponses' }).click();
    await page.waitForURL('**/fr/guide?**');
    await expect.poll(() => page.locator('fieldset.guide-question').count()).toBe(9);
    expect(await page.getByRole('radio', { name: 'Régulière : je peux garder la même plage horaire chaque semaine' }).isChecked()).toBe(true);
    // Taking an answer back.
    await page.locator('#guide-schedule-none').check();
    await page.getByRole('button', { name: 'Voir mes résultats' }).click();
    await page.waitForURL((u) => u.pathname === '/fr/guide/resultats' && !u.searchParams.has('schedule'));
    await assertClean();
  });

  it('near a place, on a phone: any loss of the kind widens the topic, age groups stay out, groups come before the explanations', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { locale: 'fr-CA' });
    await page.setViewportSize({ width: 390, height: 844 });
    page.setDefaultTimeout(10_000);
    await page.goto('/fr/guide/resultats?topic=e2e-guide-loss-parent&language=fr&place=in_person&city=Gatineau&sameLoss=general');
    const matches = page.locator('section[aria-labelledby="matches-title"]');
    const dropIns = matches.locator('section.guide-matches').filter({ has: page.getByRole('heading', { name: 'Groupe de soutien ouvert (sans engagement)' }) });
    // The general French loss drop-in in Gatineau is offered, said to be in Gatineau and general.
    const gatineau = page.getByRole('link', { name: 'Rencontre libre sur la perte à Gatineau' });
    await gatineau.waitFor();
    expect(await dropIns.count()).toBe(1);
    expect(await dropIns.textContent()).toContain('À Gatineau, QC');
    expect(await dropIns.textContent()).toContain('Groupe général : Essai du guide : perte');
    // Groups for an age group are not offered when no age was given.
    expect(await page.getByRole('link', { name: 'Ados qui ont perdu un parent' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Jeunes adultes qui ont perdu un parent' }).count()).toBe(0);
    // Real groups come before the explanation of each kind.
    const groupsTop = (await gatineau.boundingBox())!.y;
    const rankingTop = (await page.getByRole('heading', { level: 2, name: 'Classement' }).boundingBox())!.y;
    expect(groupsTop).toBeLessThan(rankingTop);
    // "All groups of this kind" keeps the topic (widened), the language and the place.
    const seeAll = new URL((await dropIns.getByRole('link', { name: /Tous les groupes de ce type/ }).getAttribute('href'))!, baseURL);
    expect(seeAll.pathname).toBe('/fr/groupes');
    expect(Object.fromEntries(seeAll.searchParams)).toMatchObject({ topic: 'e2e-guide-loss', lang: 'fr', near: 'Gatineau, QC', delivery: 'in_person,hybrid' });
    await page.goto(seeAll.pathname + seeAll.search);
    await page.getByRole('link', { name: 'Rencontre libre sur la perte à Gatineau' }).waitFor();
    // No page wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertClean();
  });

  it('has no accessibility violations on the one-question screens and the results, in either language', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    // axe needs JavaScript in the page; the app's own scripts are left out so that it does not
    // switch to the all-in-one form, which is what a visitor without JavaScript gets.
    await page.route(/\/assets\/.*\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    for (const path of [
      '/en/guide',
      '/fr/guide?topic=e2e-guide-grief&step=2',
      '/en/guide?talk=ready&step=8',
      '/en/guide/results?talk=not_ready&schedule=odd_hours&place=far',
      '/fr/guide/resultats?topic=e2e-guide-grief&budget=free',
    ]) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      await expectAccessible(page);
    }
    expect(await page.locator('fieldset.guide-question').count()).toBe(0);
    await page.goto('/en/guide?step=3');
    expect(await page.locator('fieldset.guide-question').count()).toBe(1);
    await assertClean();
  });

  it('asks, optionally, in the person’s own words: a kind of help named ranks first, and a crisis brings the crisis lines', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled: false });
    page.setDefaultTimeout(10_000);
    await page.goto('/en/guide');
    await page.getByLabel('In your own words, what brings you here? (optional)').fill('I would like to talk to a therapist');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 2 of 9').waitFor();
    expect(new URL(page.url()).searchParams.get('words')).toBe('I would like to talk to a therapist');
    await assertClean();

    const results = await newPage(browser, baseURL);
    await results.page.goto('/en/guide/results?words=I%20would%20like%20to%20talk%20to%20a%20therapist');
    await results.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await results.page.getByText('You described this kind of help in your own words.').count()).toBe(1);
    expect(await results.page.getByRole('note').count()).toBe(0);
    await expectAccessible(results.page);
    await results.page.goto('/fr/guide/resultats?words=je%20veux%20mourir');
    expect(await results.page.getByRole('note').textContent()).toContain('appelez ou textez le 988');
    await results.assertClean();
  });

  it('a bad answer in the address is a 400 in the reader’s language', async () => {
    const res = await fetch(`${baseURL}/fr/guide/resultats?talk=shout`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Le paramètre « talk » n’est pas valide');
    const step = await fetch(`${baseURL}/en/guide?step=42`);
    expect(step.status).toBe(400);
    expect(await step.text()).toContain('The parameter “step” is not valid');
  });

  it('skipping every question still gives a ranking and the link to compare', async () => {
    const res = await fetch(`${baseURL}/en/guide/results`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('You skipped every question');
    expect(html).toContain('href="/en/kinds-of-groups"');
  });
});
