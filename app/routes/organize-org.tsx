import '../../i18n/areas/organize';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-org';
import { framedMeta, type FramedHandle } from '../components/area-frame';
import { getOrganization, nameIn } from '../../core/organizations';
import { getFirstSteps } from '../../core/organizations/first-steps';
import { localeOf, organizerPage } from '../lib/organize.server';
import { pathTo, type Page } from '../lib/paths';

// An organization's overview. The navigation above lists its areas; this page guides a new
// organization through its first steps and says what its verification status means.

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, org } = await organizerPage({ request, context, params }, locale);
  const [view, steps] = await Promise.all([
    getOrganization({ ctx, input: { organizationId: org.id } }),
    getFirstSteps({ ctx, input: { organizationId: org.id } }),
  ]);
  return {
    locale,
    slug: view.slug,
    name: nameIn(view, locale),
    role: view.myRole,
    verification: view.verification,
    missing: view.missingLanguages,
    permissions: view.myPermissions,
    steps,
    joined: new URL(request.url).searchParams.get('joined') === '1',
  };
}

/** A narrow column, inside the organizer's frame. */
export const handle: FramedHandle = { narrow: true };

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data?.name);

export default function OrganizeOrg({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, slug, name, role, verification, missing, permissions, steps, joined } = loaderData;
  const canEditGroups = permissions.includes('groups.edit');
  const link = (page: Page) => pathTo(locale, page, { org: slug });
  const firstSteps = [
    {
      id: 'profile',
      done: steps.profile.done,
      href: link('orgProfile'),
      label: t('organize.steps.profile'),
      detail: steps.profile.done ? t('organize.steps.profileDone') : steps.profile.missing.map((m) => t(`organize.steps.missing.${m}`)).join(' '),
    },
    {
      id: 'group',
      done: steps.group.done,
      href: link(canEditGroups && !steps.group.done ? 'orgGroupNew' : 'orgGroups'),
      label: t('organize.steps.group'),
      detail: t(steps.group.done ? 'organize.steps.groupDone' : 'organize.steps.groupTodo'),
    },
    {
      id: 'member',
      done: steps.member.done,
      href: link('orgMembers'),
      label: t('organize.steps.member'),
      detail: t(steps.member.done ? 'organize.steps.memberDone' : 'organize.steps.memberTodo'),
    },
  ];
  const left = firstSteps.filter((s) => !s.done).length;
  return (
    <>
      <h1>{name}</h1>
      {joined && (
        <p className="notice success" role="status">
          {t('organize.invitation.accepted', { name })}
        </p>
      )}
      <p>{t('organize.overview.yourRole', { role: t(`organize.role.${role}`) })}</p>
      {missing.length > 0 && (
        <p className="notice">
          {t(missing.length === 2 ? 'organize.overview.missingBoth' : missing[0] === 'en' ? 'organize.overview.missingEn' : 'organize.overview.missingFr')}{' '}
          <Link to={link('orgProfile')}>{t('organize.overview.completeProfile')}</Link>
        </p>
      )}

      {!steps.done && (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">{t('organize.steps.title')}</h2>
          <p>{t('organize.steps.left', { count: left })}</p>
          <ol className="first-steps">
            {firstSteps.map((s) => (
              <li key={s.id} className={s.done ? 'done' : undefined}>
                <span className={`step-state ${s.done ? 'done' : 'todo'}`}>
                  <span aria-hidden="true">{s.done ? '✓ ' : '○ '}</span>
                  {t(s.done ? 'organize.steps.done' : 'organize.steps.todo')}
                  <span className="visually-hidden">: </span>
                </span>
                <Link to={s.href}>{s.label}</Link>
                <span className="muted step-detail">{s.detail}</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="verification-title">
        <h2 id="verification-title">{t('organize.verificationHelp.title')}</h2>
        <p>
          <span className={`badge ${verification === 'verified' ? 'verified' : 'status'}`}>{t(`organize.verification.${verification}`)}</span>
        </p>
        <p>{t(`organize.verificationHelp.${verification}`)}</p>
        <p>{t('organize.verificationHelp.meaning')}</p>
        {verification !== 'verified' && <p>{t('organize.verificationHelp.how')}</p>}
      </section>
    </>
  );
}
