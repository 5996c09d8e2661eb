import http from 'node:http';
import { Readable } from 'node:stream';
import { parseSitemap, parseSitemapIndex } from 'sitemap';
import { describe, expect, inject, it } from 'vitest';
import { runServerExpectingExit } from './server-process';
import { hsdsValidator } from '../support/hsds';
import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';

const baseURL = inject('baseURL');
const dataDir = inject('dataDir');

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseURL}${path}`, { headers, redirect: 'manual' });

describe('HTTP', () => {
  it('/healthz reports the database', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: { engine: string; ok: boolean } };
    expect(body).toMatchObject({ status: 'ok', database: { engine: 'pglite', ok: true } });
  });

  it('compresses pages and data requests, and sends the build-time brotli or gzip copy of assets', async () => {
    const page = await get('/en/groups', { 'accept-encoding': 'br, gzip' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('br');
    const html = await page.text();
    expect(html).toContain('<html lang="en-CA"');
    // The style sheet comes inside the page: the first paint waits for no other request.
    expect(html).toMatch(/<style id="cercle-style">[^<]*\.with-sidebar/);
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    const gz = await get('/fr/groupes.data', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await get('/en/groups', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();

    const script = html.match(/\/assets\/[\w.-]+\.js/g)?.find((src) => src.includes('entry.client'));
    expect(script).toBeTruthy();
    const br = await get(script!, { 'accept-encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const gzipped = await get(script!, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const identity = await get(script!, { 'accept-encoding': 'identity' });
    expect(identity.headers.get('content-encoding')).toBeNull();
    // All three are the same file once decoded.
    const [a, b, c] = await Promise.all([br.text(), gzipped.text(), identity.text()]);
    expect(a).toBe(c);
    expect(b).toBe(c);
  });

  it('refuses a form body larger than forms take before reading it, in the page’s language', async () => {
    // Only the first bytes of a declared 30 MB are sent: the answer comes without the rest.
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${baseURL}/fr/groupes/un-groupe/signaler`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 30 * 1024 * 1024 },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, text });
        });
      });
      req.on('error', reject);
      req.write('reason=other&details=');
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('Raccourcissez votre texte');
  });

  it('writes absolute addresses from PUBLIC_URL, whatever Host a request claims', async () => {
    const found = (await (await get('/api/v1/groups?per_page=1&facets=false')).json()) as { results: { slug: string }[] };
    const slug = found.results[0]!.slug;
    /** A GET whose Host header names another site. */
    const withHost = (path: string) =>
      new Promise<string>((resolve, reject) => {
        http
          .get(`${baseURL}${path}`, { headers: { host: 'attacker.example' } }, (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (c: string) => (text += c));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
    const page = await withHost(`/en/groups/${slug}`);
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(jsonLd).toContain(`"url":"${baseURL}/en/groups/${slug}"`);
    expect(page).not.toContain('attacker.example');
    const calendar = await withHost(`/en/groups/${slug}/calendar.ics`);
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar.replace(/\r\n /g, '')).toContain(`${baseURL}/en/groups/${slug}`);
    expect(calendar).not.toContain('attacker.example');
  });

  it('/ chooses the language from Accept-Language', async () => {
    const fr = await get('/', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(fr.status).toBe(302);
    expect(fr.headers.get('location')).toBe('/fr');
    const en = await get('/', { 'accept-language': 'en-GB' });
    expect(en.headers.get('location')).toBe('/en');
  });

  it('pages render on the server, with hreflang alternates', async () => {
    const res = await get('/fr/groupes/e2e-grief-drop-in');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="fr-CA"');
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="(\w+)" href="([^"]+)"/gi)].map((m) => [m[1], m[2]]);
    expect(alternates).toEqual([
      ['fr', '/fr/groupes/e2e-grief-drop-in'],
      ['en', '/en/groups/e2e-grief-drop-in'],
    ]);
    expect(html).not.toContain('e2e-private-room');
  });

  it('unknown pages and groups are 404s in the right language', async () => {
    const page = await get('/fr/nulle-part');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Page introuvable');
    const group = await get('/en/groups/does-not-exist');
    expect(group.status).toBe(404);
    expect(await group.text()).toContain('This group does not exist');
  });

  it('bad filters on the list page are a 400 that names the parameter', async () => {
    const res = await get('/fr/groupes?kind=therapie-magique');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Le paramètre « kind » n’est pas valide');
  });

  it('GET /api/v1/openapi.json describes the API, for any site to read', async () => {
    const res = await get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const doc = (await res.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]!.url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+$/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/groups', '/api/v1/groups/{id}', '/api/v1/sessions/{id}/registrations']));
  });

  it('GET /api/v1/meeting-guide.json is advertised by every page and lists weekly drop-ins, without online links', async () => {
    const html = await (await get('/fr/groupes')).text();
    expect(html).toContain('<link rel="alternate" type="application/json" title="Meetings Feed" href="/api/v1/meeting-guide.json?lang=fr"/>');
    const res = await get('/api/v1/meeting-guide.json?lang=fr', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const meetings = (await res.json()) as { name: string; url: string; conference_url?: string; attendance_option: string }[];
    expect(meetings.length).toBeGreaterThan(0);
    for (const m of meetings) {
      expect(m.url).toMatch(/\/fr\/groupes\/[^/]+$/);
      if (m.conference_url) expect(m.conference_url).toBe(m.url);
    }
    const refused = await get('/api/v1/meeting-guide.json?lang=de', { 'accept-language': 'fr' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { detail: string }).detail).toContain('« lang »');
  });

  it('the HSDS 3 export: services, organizations and the dataset pass the specification’s schemas', async () => {
    const validate = hsdsValidator();
    const root = (await (await get('/api/v1/hsds')).json()) as { version: string };
    expect(root.version).toBe('3.1');
    const page = (await (await get('/api/v1/hsds/services?per_page=5&page=2', { 'accept-language': 'fr' })).json()) as { page_number: number; contents: { id: string; name: string }[] };
    expect(page.page_number).toBe(2);
    expect(page.contents.length).toBe(5);
    for (const service of page.contents) expect(validate('service', service), service.name).toEqual([]);
    const one = (await (await get(`/api/v1/hsds/services/${page.contents[0]!.id}?lang=fr`)).json()) as { id: string };
    expect(one).toEqual(page.contents[0]);
    const orgs = (await (await get('/api/v1/hsds/organizations')).json()) as { total_items: number; contents: { id: string }[] };
    expect(orgs.total_items).toBeGreaterThan(0);
    for (const org of orgs.contents) expect(validate('organization', org)).toEqual([]);
    expect((await get(`/api/v1/hsds/organizations/${orgs.contents[0]!.id}`)).status).toBe(200);
    const dataset = await get('/api/v1/hsds/dataset.json', { 'accept-encoding': 'gzip' });
    expect(dataset.headers.get('content-disposition')).toMatch(/^attachment; filename="cercle-hsds-en\.json"$/);
    const all = (await dataset.json()) as { version: string; services: { id: string }[] };
    const groups = (await (await get('/api/v1/groups?per_page=1&facets=false')).json()) as { total: number };
    expect(all.services.length).toBe(groups.total);
    for (const service of all.services) expect(validate('service', service)).toEqual([]);
    expect((await get('/api/v1/hsds/services/0b7f5b2e-1111-4c1a-9d55-3f3b8f0e2a11', { 'accept-language': 'fr' })).status).toBe(404);
    expect((await get('/api/v1/hsds/services?per_page=1000')).status).toBe(400);
  });

  it('robots.txt keeps search engines out of private pages; the sitemaps list the public ones in both languages', async () => {
    const robots = await (await get('/robots.txt')).text();
    for (const rule of ['/en/manage/', '/fr/gerer/', '/en/organize', '/fr/organiser', '/en/admin', '/en/account', '/fr/compte', '/en/groups/*/community', '/fr/groupes/*/communaute', '/manage/', '/unsubscribe/']) {
      expect(robots).toContain(`Disallow: ${rule}\n`);
    }
    expect(robots).toMatch(/^Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml$/m);

    const index = await parseSitemapIndex(Readable.fromWeb((await get('/sitemap.xml')).body as never));
    const files = index.map((i) => new URL(i.url).pathname);
    expect(files).toEqual(['/sitemaps/pages.xml', '/sitemaps/guides.xml', '/sitemaps/groups-1.xml']);
    const pages = await parseSitemap(Readable.fromWeb((await get('/sitemaps/pages.xml')).body as never));
    expect(pages.map((p) => new URL(p.url).pathname)).toContain('/fr/developpeurs');
    const groups = await parseSitemap(Readable.fromWeb((await get('/sitemaps/groups-1.xml')).body as never));
    const api = (await (await get('/api/v1/groups?per_page=100&facets=false')).json()) as { total: number; results: { slugs: { en: string; fr: string } }[] };
    expect(groups.length).toBe(2 * api.total);
    const one = api.results[0]!.slugs;
    const fr = groups.find((g) => new URL(g.url).pathname === `/fr/groupes/${one.fr}`)!;
    expect(fr.links.map((l) => [l.lang, new URL(l.url).pathname])).toEqual([
      ['en', `/en/groups/${one.en}`],
      ['fr', `/fr/groupes/${one.fr}`],
    ]);
    expect(groups.filter((g) => /\/(community|communaute|manage|gerer|organize|organiser)(\/|$)/.test(new URL(g.url).pathname))).toEqual([]);
    expect((await get('/sitemaps/groups-2.xml')).status).toBe(404);
  });

  it('calendar feeds of a search and of an organization, read by ical.js and node-ical', async () => {
    const page = await (await get('/fr/groupes?q=deuil&kind=support_group')).text();
    const href = /<p class="calendar-feed"><a href="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBe('/fr/groupes/calendrier.ics?q=deuil&kind=support_group');
    const feed = await get(href!);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('content-disposition')).toMatch(/^inline;/);
    const ics = await feed.text();
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Cercle : « deuil »');
    const events = cal.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    const parsed = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');
    // node-ical keeps the changed occurrences under their recurring event: one entry per uid.
    expect(parsed.length).toBe(new Set(events.map((e) => e.getFirstPropertyValue('uid'))).size);
    for (const e of parsed) expect(String(e.description)).toContain('/fr/groupes/');
    expect(ics).not.toMatch(/meet\.|zoom\.|whereby/);

    const found = (await (await get('/api/v1/groups?per_page=1&facets=false&q=deuil')).json()) as { results: { organization: { slug: string } }[] };
    const org = found.results[0]!.organization.slug;
    const orgFeed = await get(`/en/organizations/${org}/calendar.ics`);
    expect(orgFeed.status).toBe(200);
    const orgEvents = Object.values(ical.sync.parseICS(await orgFeed.text())).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(orgEvents.length).toBeGreaterThan(0);
    const missing = await get('/fr/organismes/personne/calendrier.ics');
    expect([missing.status, await missing.text()]).toEqual([404, expect.stringContaining('Nous n’avons pas trouvé')]);
    expect((await get('/en/groups/calendar.ics?sort=magic')).status).toBe(400);
  });

  it('GET /api/v1/groups lists published groups a page at a time', async () => {
    const res = await get('/api/v1/groups?per_page=2');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; pages: number; results: { slug: string }[] };
    expect(body.total).toBeGreaterThanOrEqual(3);
    expect(body.pages).toBe(Math.ceil(body.total / 2));
    expect(body.results).toHaveLength(2);
    const all = (await (await get(`/api/v1/groups?per_page=100`)).json()) as { results: { slug: string }[] };
    expect(all.results).toHaveLength(body.total);
    expect(all.results.map((r) => r.slug)).toEqual(expect.arrayContaining(['e2e-french-only', 'e2e-grief-drop-in', 'e2e-online-community']));
    const page2 = (await (await get('/api/v1/groups?per_page=2&page=2')).json()) as { results: { slug: string }[] };
    expect(page2.results.map((r) => r.slug)).toEqual(all.results.slice(2, 4).map((r) => r.slug));
    const filtered = (await (await get('/api/v1/groups?kind=online_community&per_page=100')).json()) as {
      results: { slug: string; kind: string }[];
    };
    expect(filtered.results.map((r) => r.slug)).toContain('e2e-online-community');
    expect(filtered.results.every((r) => r.kind === 'online_community')).toBe(true);
  });

  it('GET /api/v1/groups rejects invalid parameters with a 400 naming them, in the caller’s language', async () => {
    const res = await get('/api/v1/groups?per_page=500&color=blue', { 'accept-language': 'fr' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { param: string; message: string }[] } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.issues.map((i) => i.param).sort()).toEqual(['color', 'per_page']);
    expect(body.error.issues.find((i) => i.param === 'per_page')?.message).toContain('au plus 100');
    const en = (await (await get('/api/v1/groups?page=abc')).json()) as { error: { message: string } };
    expect(en.error.message).toBe('The parameter “page” is not valid: it must be a whole number');
  });

  it('GET /api/v1/groups/:id returns one group by id or slug, without the online link', async () => {
    const bySlug = await get('/api/v1/groups/e2e-grief-drop-in');
    expect(bySlug.status).toBe(200);
    const text = await bySlug.text();
    expect(text).not.toContain('e2e-private-room');
    const group = JSON.parse(text) as { id: string; sessions: { seats_left: number; capacity: number; starts_at: string }[] };
    expect(group.sessions).toHaveLength(3);
    expect(group.sessions[0]).toMatchObject({ capacity: 12, seats_left: 12 });
    const byId = (await (await get(`/api/v1/groups/${group.id}`)).json()) as { id: string };
    expect(byId.id).toBe(group.id);
    const missing = await get('/api/v1/groups/nope', { 'accept-language': 'fr' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      'Ce groupe n’existe pas ou n’est plus répertorié.',
    );
  });

  it('a second server on the same data folder refuses to start, with a clear message', async () => {
    const second = await runServerExpectingExit({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    expect(second.code).toBe(1);
    expect(second.output).toContain('is already in use by another Cercle process');
    // The first server is still healthy.
    expect((await get('/healthz')).status).toBe(200);
  });

  it('a deployment (NODE_ENV=production) without PUBLIC_URL refuses to start, saying why', async () => {
    const bare = await runServerExpectingExit({ DATA_DIR: dataDir, PUBLIC_URL: '' });
    expect(bare.code).toBe(1);
    expect(bare.output).toContain('Cercle cannot start');
    expect(bare.output).toContain('PUBLIC_URL: required when NODE_ENV=production');
  });

  it('a bad configuration value stops start-up with a message naming the variable', async () => {
    const bad = await runServerExpectingExit({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('PORT');
  });
});
