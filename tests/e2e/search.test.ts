import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, hasChromium, launchBrowser, newPage } from './browser';

const baseURL = inject('baseURL');
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseURL}${path}`, { headers });

interface SearchBody {
  total: number;
  facets: Record<string, Record<string, number>>;
  place: { label: string } | null;
  results: { slug: string; distance_km: number | null }[];
}

describe('GET /api/v1/groups (search)', () => {
  it('searches words, filters and a place, with facet counts and distances', async () => {
    const res = await get('/api/v1/groups?q=deuils&near=gatineau&radius_km=10&kind=support_group&kind=workshop&lang=fr');
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchBody;
    expect(body.place?.label).toBe('Gatineau, QC');
    expect(body.results.map((r) => r.slug)).toEqual(expect.arrayContaining(['e2e-search-gatineau-deuil', 'e2e-search-gatineau-atelier']));
    expect(body.results.map((r) => r.slug)).not.toContain('e2e-search-toronto-grief');
    expect(body.results.find((r) => r.slug === 'e2e-search-gatineau-deuil')?.distance_km).toBeLessThan(1);
    expect(body.facets.kind).toMatchObject({ support_group: expect.any(Number), workshop: 1 });
    const narrowed = (await (await get('/api/v1/groups?q=deuil&near=Gatineau&radius_km=10&kind=workshop&facets=false')).json()) as SearchBody;
    expect(narrowed.results.map((r) => r.slug)).toEqual(['e2e-search-gatineau-atelier']);
    expect(narrowed.facets).toBeNull();
  });

  it('rejects invalid parameters with a 400 naming each one', async () => {
    const res = await get('/api/v1/groups?radius_km=-3&kind=support_group,magic&sort=distance', { 'accept-language': 'fr-CA' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { param: string; message: string }[] } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.issues.map((i) => i.param).sort()).toEqual(['kind', 'radius_km']);
    expect(body.error.issues.find((i) => i.param === 'kind')?.message).toContain('Le paramètre « kind »');
    const place = await get('/api/v1/groups?near=Zzyzx%20Nowhere');
    expect(place.status).toBe(400);
    expect(((await place.json()) as { error: { issues: { param: string }[] } }).error.issues).toEqual([
      expect.objectContaining({ param: 'near' }),
    ]);
    const sort = await get('/api/v1/groups?sort=distance');
    expect(sort.status).toBe(400);
    expect(((await sort.json()) as { error: { message: string } }).error.message).toContain('“sort”');
  });
});

const browserMissing = !hasChromium() && process.env.CI !== 'true';

describe.skipIf(browserMissing)('a visitor searches in French', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`searches with two filters, then opens a result (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const { page, assertClean } = await newPage(browser, baseURL, { javaScriptEnabled, locale: 'fr-CA' });
      await page.goto('/fr/groupes');
      await page.getByLabel('Mots-clés').fill('deuil');
      await page.getByLabel('Près de').fill('Gatineau');
      await page.getByLabel('Dans un rayon de').selectOption('10');
      if (javaScriptEnabled) {
        // A ticked box applies at once, without a full reload; the count is announced.
        await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
        await page.getByRole('button', { name: 'Afficher les groupes' }).first().click();
        await page.waitForURL(/near=Gatineau/);
        await page.getByRole('checkbox', { name: /^Groupe de soutien \(\d+\)$/ }).check();
        await page.waitForURL(/kind=support_group/);
        await page.getByRole('checkbox', { name: /^Français \(\d+\)$/ }).check();
        await page.waitForURL(/lang=fr/);
        expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      } else {
        await page.getByRole('checkbox', { name: /^Groupe de soutien \(\d+\)$/ }).check();
        await page.getByRole('checkbox', { name: /^Français \(\d+\)$/ }).check();
        await page.getByRole('button', { name: 'Afficher les groupes' }).first().click();
        await page.waitForURL(/lang=fr/);
      }
      const status = page.getByRole('status');
      await expect.poll(() => status.textContent()).toMatch(/^\d+ groupes? trouvés?$/);
      expect(await status.getAttribute('aria-live')).toBe('polite');
      const url = new URL(page.url());
      expect(url.searchParams.get('q')).toBe('deuil');
      expect(url.searchParams.getAll('kind')).toEqual(['support_group']);
      expect(await page.getByRole('link', { name: 'Atelier d’art pour personnes en deuil' }).count()).toBe(0);
      expect(await page.getByText(/^À [\d,]+ km$/).count()).toBeGreaterThan(0);

      await page.getByRole('link', { name: 'Groupe de soutien au deuil de Gatineau' }).click();
      await page.getByRole('heading', { level: 1, name: 'Groupe de soutien au deuil de Gatineau' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/fr/groupes/e2e-search-gatineau-deuil');
      await assertClean();
    });
  }

  it('says how it read everyday words, searches the words alone in one click, and never ends in nothing', async () => {
    const { page, assertClean } = await newPage(browser, baseURL);
    await page.goto('/en/groups?q=talk%20to%20a%20therapist&near=Gatineau&radius_km=5&delivery=in_person');
    await page.getByText('Showing groups about Group therapy.').waitFor();
    await page.getByRole('link', { name: 'Search only for the words “talk to a therapist”' }).click();
    await page.waitForURL(/literal=true/);
    await page.getByText('Showing groups with the words “talk to a therapist” only.').waitFor();
    expect(await page.getByText('Showing groups about').count()).toBe(0);
    // Nothing here: what is near, and the guide, are offered.
    expect(await page.getByRole('status').textContent()).toBe('0 groups found');
    await page.getByRole('heading', { name: 'Close to what you are looking for' }).waitFor();
    await page.getByRole('link', { name: 'Not sure what kind of group fits? Answer a few questions' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Read them as a topic again' }).click();
    await page.getByText('Showing groups about Group therapy.').waitFor();
    expect(new URL(page.url()).searchParams.get('literal')).toBeNull();
    await assertClean();
  });

  it('puts crisis resources first when the words signal a crisis, in the page’s language', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { locale: 'fr-CA' });
    await page.goto('/fr/groupes?q=je%20veux%20mourir');
    const crisis = page.getByRole('heading', { name: 'Si vous pensez à mettre fin à vos jours, de l’aide est là dès maintenant' });
    await crisis.waitFor();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.indexOf(await crisis.textContent() ?? '')).toBeLessThan(headings.indexOf('Résultats'));
    expect(await page.getByRole('link', { name: 'Appeler le 988' }).getAttribute('href')).toBe('tel:988');
    await expectAccessible(page);
    await page.goto('/fr/groupes?q=deuil');
    expect(await crisis.count()).toBe(0);
    await assertClean();
  });

  it('suggests a filter to drop when nothing matches, and has no accessibility violations', async () => {
    const { page, assertClean } = await newPage(browser, baseURL, { locale: 'fr-CA' });
    await page.goto('/fr/groupes?q=atelier&kind=online_community&near=Gatineau&radius_km=5');
    expect(await page.getByRole('status').textContent()).toBe('0 groupe trouvé');
    await page.getByRole('link', { name: /^Sans « Type de groupe » : \d+ groupes?$/ }).waitFor();
    await expectAccessible(page);
    for (const path of ['/fr/groupes?q=deuil&near=Gatineau&kind=support_group', '/en/groups?near=Zzyzx%20Nowhere', '/en/groups?sort=newest&page=1']) {
      await page.goto(path);
      await expectAccessible(page);
    }
    expect(await page.getByRole('status').textContent()).toMatch(/groups? found$/);
    await assertClean();
  });
});
