import { type RouteConfig, route, index } from '@react-router/dev/routes';
import { PAGES, routeId, type Page } from './lib/paths';

const localized = (['en', 'fr'] as const).flatMap((locale) =>
  (Object.keys(PAGES) as Page[]).map((page) =>
    route(PAGES[page][locale], PAGES[page].file, { id: routeId(locale, page) }),
  ),
);

export default [
  index('routes/index.tsx'),
  ...localized,
  route('healthz', 'routes/healthz.ts'),
  route('api/v1/groups', 'routes/api.v1.groups.ts'),
  route('api/v1/groups/:id', 'routes/api.v1.group.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
