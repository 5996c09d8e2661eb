import { data } from 'react-router';
import type { AppLoadContext } from 'react-router';
import type { TFunction } from 'i18next';
import { CoreError, RateLimited } from '../../core/errors';
import { INVITATIONS_PER_DAY } from '../../core/organizations/constants';
import { findOrganizationBySlug } from '../../core/organizations';
import { getT, type Locale } from '../../i18n';
import { requireOrganizer, requireOrganizerForm } from './auth.server';
import { localeOfPath } from './paths';

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

/** For loaders: the signed-in organizer and the organization of `:org` (404 for non-members). */
export async function organizerPage(args: Args, locale: Locale) {
  const who = await requireOrganizer(args, locale);
  const org = await organizationOf(who.ctx, args.params.org, locale);
  return { ...who, org };
}

/** For actions: the same, with the posted form (CSRF already checked). */
export async function organizerForm(args: Args, locale: Locale) {
  const who = await requireOrganizerForm(args, locale);
  const org = await organizationOf(who.ctx, args.params.org, locale);
  return { ...who, org };
}

/** A form's text fields as plain strings (absent fields are empty). */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === 'string' ? String(form.get(n)) : '']));
}

const FIELD_MESSAGES = ['required', 'too_long', 'invalid_email', 'invalid_url', 'invalid_phone', 'message_too_soon'] as const;

/**
 * A core error as the page shows it: one message per field for invalid input, otherwise one
 * message with the HTTP status. Conflicts are told apart by what they are about.
 */
export function organizeError(err: unknown, t: TFunction): { status: number; message: string; fields: Record<string, string> } {
  if (!(err instanceof CoreError)) throw err;
  if (err.code === 'invalid') {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) {
      // The profile's fields are nested in the update's input; the form names them plainly.
      const path = issue.path.replace(/^profile\./, '');
      const known = (FIELD_MESSAGES as readonly string[]).includes(issue.message) ? (issue.message as (typeof FIELD_MESSAGES)[number]) : 'invalid';
      fields[path] ??=
        path === 'nameEn' && known === 'required' ? t('organize.errors.nameRequired') : t(`organize.errors.${known}`);
    }
    return { status: 400, message: t('organize.errors.summary'), fields };
  }
  if (err.code === 'forbidden') return { status: 403, message: t('organize.errors.forbidden'), fields: {} };
  if (err instanceof RateLimited) {
    return { status: 429, message: t('organize.errors.invitationsPerDay', { count: INVITATIONS_PER_DAY, hours: Math.max(1, Math.ceil(err.retryAfterSeconds / 3600)) }), fields: {} };
  }
  if (err.code === 'not_found') return { status: 404, message: t('organize.errors.notFound'), fields: {} };
  if (err.code === 'conflict') {
    const message = /owner/.test(err.message)
      ? t('organize.errors.lastOwner')
      : /already a member/.test(err.message)
        ? t('organize.errors.alreadyMember')
        : t('organize.errors.conflict');
    return { status: 409, message, fields: {} };
  }
  return { status: 400, message: t('organize.errors.generic'), fields: {} };
}
