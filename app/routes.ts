import { type RouteConfig, route, index, layout } from '@react-router/dev/routes';
import { FRAMES, PAGES, frameId, routeId, type Frame, type Page } from './lib/paths';

/** Open Referral HSDS 3, in its API's shape (app/routes/api.v1.hsds.ts). */
const HSDS_PATHS = [
  'api/v1/hsds',
  'api/v1/hsds/services',
  'api/v1/hsds/services/:id',
  'api/v1/hsds/organizations',
  'api/v1/hsds/organizations/:id',
  'api/v1/hsds/dataset.json',
];

// Every page in each language; the pages of an area with a frame (the organizer and admin areas)
// nested in its layout route, which loads the area's navigation once.
const framed = new Set<Page>(Object.values(FRAMES).flatMap((f) => f.pages));
const localized = (['en', 'fr'] as const).flatMap((locale) => {
  const page = (p: Page) => route(PAGES[p][locale], PAGES[p].file, { id: routeId(locale, p) });
  return [
    ...(Object.keys(PAGES) as Page[]).filter((p) => !framed.has(p)).map(page),
    ...(Object.keys(FRAMES) as Frame[]).map((f) => layout(FRAMES[f].file, { id: frameId(locale, f) }, FRAMES[f].pages.map(page))),
  ];
});

export default [
  index('routes/index.tsx'),
  ...localized,
  route('healthz', 'routes/healthz.ts'),
  route('robots.txt', 'routes/robots.ts'),
  route('en/embed/:org', 'routes/embed-organization.tsx', { id: 'en:embed' }),
  route('fr/integration/:org', 'routes/embed-organization.tsx', { id: 'fr:embed' }),
  // Atom feeds of the articles, per language (and per topic with ?topic=).
  route('en/articles/feed.atom', 'routes/articles-feed.ts', { id: 'en:articlesFeed' }),
  route('fr/articles/fil.atom', 'routes/articles-feed.ts', { id: 'fr:articlesFeed' }),
  route('sitemap.xml', 'routes/sitemap.ts', { id: 'sitemapIndex' }),
  route('sitemaps/:file', 'routes/sitemap.ts', { id: 'sitemap' }),
  // Calendar files (.ics) of a group's whole schedule and of one session, in each language.
  route('en/calendar/:feed/my-sessions.ics', 'routes/my-calendar.ts', { id: 'en:myCalendar' }),
  route('fr/agenda/:feed/mes-rencontres.ics', 'routes/my-calendar.ts', { id: 'fr:myCalendar' }),
  route('en/groups/calendar.ics', 'routes/search-calendar.ts', { id: 'en:searchCalendar' }),
  route('fr/groupes/calendrier.ics', 'routes/search-calendar.ts', { id: 'fr:searchCalendar' }),
  route('en/organizations/:org/calendar.ics', 'routes/organization-calendar.ts', { id: 'en:organizationCalendar' }),
  route('fr/organismes/:org/calendrier.ics', 'routes/organization-calendar.ts', { id: 'fr:organizationCalendar' }),
  route('en/groups/:slug/calendar.ics', 'routes/group-calendar.ts', { id: 'en:groupCalendar' }),
  route('fr/groupes/:slug/calendrier.ics', 'routes/group-calendar.ts', { id: 'fr:groupCalendar' }),
  route('en/groups/:slug/sessions/:session/calendar.ics', 'routes/session-calendar.ts', { id: 'en:sessionCalendar' }),
  route('fr/groupes/:slug/rencontres/:session/calendrier.ics', 'routes/session-calendar.ts', { id: 'fr:sessionCalendar' }),
  // One-click unsubscribe (RFC 8058) posts here from mail clients; a person following the link
  // is sent to the page in their language.
  route('unsubscribe/:token', 'routes/unsubscribe-one-click.ts'),
  route('manage/:token/data.json', 'routes/manage-data.ts'),
  // A signed-in person's own data, as a JSON download from their account page.
  route('account/data.json', 'routes/account-data.ts'),
  // Joining and leaving (POST /api/v1/sessions/:id/registrations and the like) are served by
  // Express before these routes: server/participant-api.ts.
  route('api/v1/openapi.json', 'routes/api.v1.openapi.ts'),
  route('api/v1/meeting-guide.json', 'routes/api.v1.meeting-guide.ts'),
  // Open Referral HSDS 3 (one module serves them all).
  ...HSDS_PATHS.map((path) => route(path, 'routes/api.v1.hsds.ts', { id: path })),
  route('api/v1/groups', 'routes/api.v1.groups.ts'),
  // A community's images, for those who may read the post (any other visitor: 404).
  route('community/images/:id', 'routes/community-image.ts'),
  // A community's live news (Server-Sent Events), for those who may read it.
  route('community/live/:id', 'routes/community-live.ts'),
  route('community/conversations/:id/live', 'routes/community-conversation-live.ts'),
  route('api/v1/groups/:id', 'routes/api.v1.group.ts'),
  // The people of a session as a spreadsheet file, for its organizers.
  route('en/organize/:org/sessions/:session/registrants.csv', 'routes/organize-session-csv.ts', { id: 'en:orgSessionCsv' }),
  route('fr/organiser/:org/rencontres/:session/inscriptions.csv', 'routes/organize-session-csv.ts', { id: 'fr:orgSessionCsv' }),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
