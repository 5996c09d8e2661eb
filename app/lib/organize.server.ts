import { data } from 'react-router';
import type { AppLoadContext } from 'react-router';
import type { TFunction } from 'i18next';
import { findOrganizationBySlug } from '../../core/organizations';
import { getT, type Locale } from '../../i18n';
import { requireOrganizer, requireOrganizerForm } from './auth.server';
import { CoreError } from '../../core/errors';
import { localeOfPath } from './paths';
import { formProblem, type FormProblem } from './problem.server';
import { permissionsOf } from './running.server';
import { oncePerRequest } from './once-per-request';
import type { Permission } from '../../core/policy/permissions';

// Shared by the organizer pages under /en/organize/:org and /fr/organiser/:org: who is signed in,
// which organization the slug names (members only), and core errors turned into messages.

type Args = { request: Request; context: AppLoadContext; params: { org?: string } };

export function localeOf(request: Request): Locale {
  return localeOfPath(new URL(request.url).pathname) ?? 'en';
}

async function organizationOf(ctx: Parameters<typeof findOrganizationBySlug>[0]['ctx'], slug: string | undefined, locale: Locale) {
  try {
    return await findOrganizationBySlug({ ctx, input: { slug: slug ?? '' } });
  } catch (err) {
    // A stranger and a mistyped address see the same page: nothing is revealed.
    if (err instanceof CoreError && (err.code === 'not_found' || err.code === 'invalid')) {
      throw data(getT(locale)('organize.errors.notFound'), { status: 404 });
    }
    throw err;
  }
}

type OrganizerPage = Awaited<ReturnType<typeof requireOrganizer>> & {
  org: Awaited<ReturnType<typeof organizationOf>>;
  /** What the viewer's role in the organization allows (its navigation, its pages' buttons). */
  permissions: Permission[];
};

// Read once per request: the organizer frame's loader and the page's run side by side
// (app/routes/organize-frame.tsx).
const loadPage = oncePerRequest(async (args: Args & { locale: Locale }): Promise<OrganizerPage> => {
  const who = await requireOrganizer(args, args.locale);
  const org = await organizationOf(who.ctx, args.params.org, args.locale);
  return { ...who, org, permissions: permissionsOf(org.role) };
});

/** For loaders: the signed-in organizer and the organization of `:org` (404 for non-members). */
export function organizerPage(args: Args, locale: Locale): Promise<OrganizerPage> {
  return loadPage({ ...args, locale });
}

/** For actions: the same, with the posted form (CSRF already checked). */
export async function organizerForm(args: Args, locale: Locale) {
  const who = await requireOrganizerForm(args, locale);
  const org = await organizationOf(who.ctx, args.params.org, locale);
  return { ...who, org, permissions: permissionsOf(org.role) };
}

/**
 * A core error as the organization's pages show it (problem.server.ts): one message per field for
 * invalid input (a profile's fields are nested in the update's input; the form names them
 * plainly), otherwise one message with the HTTP status.
 */
export function organizeError(err: unknown, t: TFunction): FormProblem {
  return formProblem(err, t, 'organize', { field: (path) => path.replace(/^profile\./, '') });
}
