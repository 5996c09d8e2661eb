import { data } from 'react-router';
import type { TFunction } from 'i18next';
import type { AppLoadContext } from 'react-router';
import { CoreError, RateLimited } from '../../core/errors';
import type { Context } from '../../core/context';
import type { GroupSlugs } from '../../core/groups/slugs';
import { getT, type Locale } from '../../i18n';
import { coreContext } from './context.server';
import { checkGroupAddress } from './group-address.server';
import { localeOfPath } from './paths';
import { formProblem, type FormProblem } from './problem.server';
import { checked, field } from './form-values';

/** The fields a sign-up or application form sends, read into a core action's input. */
export function readPersonForm(form: FormData) {
  const answers: Record<string, string> = {};
  for (const [key, value] of form) {
    if (key.startsWith('answer.') && typeof value === 'string') answers[key.slice('answer.'.length)] = value;
  }
  const age = field(form, 'age').trim();
  const region = field(form, 'region').trim();
  const phone = field(form, 'phone').trim();
  return {
    name: field(form, 'name'),
    email: field(form, 'email').trim(),
    consent: checked(form, 'consent'),
    commitment: checked(form, 'commitment'),
    discreet: checked(form, 'discreet'),
    answers,
    ...(age ? { age: /^\d{1,3}$/.test(age) ? Number(age) : Number.NaN } : {}),
    ...(region ? { region } : {}),
    ...(phone ? { phone } : {}),
  };
}

/**
 * A route module's `headers`: a page answers with its action's Retry-After (a form refused for
 * being one too many), which React Router passes on only through this export.
 */
export function retryAfterHeaders({ actionHeaders }: { actionHeaders: Headers }): Headers {
  const out = new Headers();
  const wait = actionHeaders.get('Retry-After');
  if (wait) out.set('Retry-After', wait);
  return out;
}

/** The Retry-After header of a request refused for being one too many (none for other errors). */
export function retryAfter(err: unknown): Record<string, string> {
  return err instanceof RateLimited ? { 'Retry-After': String(err.retryAfterSeconds) } : {};
}

/** A form field of a sign-up or application for a field of core's input (`answers.q1` → `answer.q1`). */
export function personField(path: string): string {
  return path.startsWith('answers.') ? `answer.${path.slice('answers.'.length)}` : path.split('.')[0]!;
}

/** A core refusal of a sign-up, an application or a participant's change, as its form shows it. */
export function signupErrors(err: unknown, t: TFunction): FormProblem {
  return formProblem(err, t, 'signup', { field: personField });
}

/**
 * Runs a sign-up or application from a submitted form: on success, the page says to check the
 * email typed, the same whatever happened (decision 0010: the place and its link go to the
 * address only); on a refusal, answers with the localized errors and the values typed, so the
 * form shows them.
 */
export async function submitPersonForm(
  request: Request,
  t: TFunction,
  run: (input: ReturnType<typeof readPersonForm>) => Promise<{ answer: { expiresIn: number } }>,
) {
  const formData = await request.formData();
  const input = readPersonForm(formData);
  try {
    const { answer } = await run(input);
    return data({ sent: { email: input.email, minutes: Math.max(1, Math.round(answer.expiresIn / 60)) }, error: null, values: {} }, { status: 202 });
  } catch (err) {
    const error = signupErrors(err, t);
    const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return data({ sent: null, error, values }, { status: error.status, headers: retryAfter(err) });
  }
}

/**
 * The form of a sign-up or application page, as `read` gives it, at the group's address in the
 * page's language (another address of the group redirects there). A session, cohort or group that
 * does not exist is a 404 in the page's language.
 */
export async function personFormPage<F extends { group: { slugs: GroupSlugs } }>(
  args: { request: Request; context: AppLoadContext; params: { slug?: string } },
  read: (ctx: Context) => Promise<F>,
) {
  const locale = localeOfPath(new URL(args.request.url).pathname) as Locale;
  const t = getT(locale);
  try {
    const form = await read(coreContext(args.context, locale));
    checkGroupAddress(args.request, locale, args.params.slug ?? '', form.group.slugs);
    return { locale, t, form };
  } catch (err) {
    if (err instanceof CoreError && (err.code === 'not_found' || err.code === 'invalid')) throw data(t('signup.errors.notFound'), { status: 404 });
    throw err;
  }
}
