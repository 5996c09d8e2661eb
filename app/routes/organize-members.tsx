import '../../i18n/areas/organize';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-members';
import { framedMeta } from '../components/area-frame';
import {
  changeMemberRole,
  getOrganization,
  inviteMember,
  listMembers,
  nameIn,
  removeMember,
  revokeInvitation,
} from '../../core/organizations';
import { MESSAGE_MAX, ROLES_IN_ORDER } from '../../core/organizations/constants';
import type { MemberRole } from '../../db/schema/enums';
import { getT } from '../../i18n';
import { localeOf, organizeError, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { Choice, ErrorSummary, TextField } from '../components/form-kit';
import { field, formValues } from '../lib/form-values';

const DONE = ['invited', 'revoked', 'role', 'removed'] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const [view, list] = await Promise.all([
    getOrganization({ ctx, input: { organizationId: org.id } }),
    listMembers({ ctx, input: { organizationId: org.id } }),
  ]);
  const dateFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' });
  const done = new URL(request.url).searchParams.get('done');
  return {
    locale,
    csrf,
    slug: view.slug,
    name: nameIn(view, locale),
    myRole: list.myRole,
    mayAddMessage: view.mayAddInvitationMessage,
    permissions: view.myPermissions,
    members: list.members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, isMe: m.isMe })),
    invitations:
      list.invitations?.map((i) => ({ id: i.id, email: i.email, role: i.role, invitedBy: i.invitedByName, expires: dateFormat.format(i.expiresAt) })) ??
      null,
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as Done) : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org, user } = await organizerForm({ request, context, params }, locale);
  const intent = field(form, 'intent');
  const values = formValues(form, ['email', 'role', 'message', 'locale', 'userId', 'invitationId']);
  const back = (done: Done) => redirect(`${pathTo(locale, 'orgMembers', { org: org.slug })}?done=${done}`);
  try {
    if (intent === 'invite') {
      await inviteMember({
        ctx,
        input: {
          organizationId: org.id,
          email: values.email!,
          role: values.role as MemberRole,
          message: values.message,
          locale: values.locale === 'fr' || values.locale === 'en' ? values.locale : locale,
        },
      });
      return back('invited');
    }
    if (intent === 'revoke') {
      await revokeInvitation({ ctx, input: { organizationId: org.id, invitationId: values.invitationId! } });
      return back('revoked');
    }
    if (intent === 'role') {
      await changeMemberRole({ ctx, input: { organizationId: org.id, userId: values.userId!, role: values.role as MemberRole } });
      return back('role');
    }
    if (intent === 'remove') {
      await removeMember({ ctx, input: { organizationId: org.id, userId: values.userId! } });
      // Someone who left no longer sees the organization: back to their list.
      if (values.userId === user.id) return redirect(pathTo(locale, 'organize'));
      return back('removed');
    }
    return data({ intent, status: 400, message: t('organize.errors.generic'), fields: {}, values }, { status: 400 });
  } catch (err) {
    const e = organizeError(err, t);
    return data({ intent, ...e, values }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('organize.members.title', { name: data.name }));

function RoleOptions({ allowed }: { allowed: readonly MemberRole[] }) {
  const { t } = useTranslation();
  return (
    <>
      {allowed.map((r) => (
        <option key={r} value={r}>
          {t(`organize.role.${r}`)}
        </option>
      ))}
    </>
  );
}

export default function OrganizeMembers({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, name, myRole, mayAddMessage, permissions, members, invitations, done } = loaderData;
  const manage = permissions.includes('members.manage');
  const isOwner = myRole === 'owner';
  // Roles this person may hand out: only an owner makes owners.
  const grantable = ROLES_IN_ORDER.filter((r) => isOwner || r !== 'owner');
  const inviteErrors: Record<string, string> = actionData?.intent === 'invite' ? actionData.fields : {};
  const inviteValues: Record<string, string> | undefined = actionData?.intent === 'invite' ? actionData.values : undefined;
  const roleError = inviteErrors.role;
  return (
    <>
      <h1>{t('organize.members.title', { name })}</h1>
      {done && (
        <p className="notice success" role="status">
          {t(`organize.members.done.${done}`)}
        </p>
      )}
      {actionData && <ErrorSummary message={actionData.message} fields={actionData.fields} />}
      <p className="muted">{t('organize.members.lead')}</p>
      <table className="members">
        <caption>{t('organize.members.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organize.members.name')}</th>
            <th scope="col">{t('organize.members.email')}</th>
            <th scope="col">{t('organize.members.role')}</th>
            <th scope="col">{t('organize.members.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            // Only an owner touches an owner; anyone may leave.
            const canTouch = manage && (isOwner || m.role !== 'owner');
            return (
              <tr key={m.userId}>
                <th scope="row">
                  {m.name} {m.isMe && <span className="muted">{t('organize.members.you')}</span>}
                </th>
                <td>{m.email}</td>
                <td>{t(`organize.role.${m.role}`)}</td>
                <td>
                  {canTouch && (
                    <Form method="post" className="inline-form">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <label htmlFor={`role-${m.userId}`} className="visually-hidden">
                        {t('organize.members.changeRole', { name: m.name })}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                        <RoleOptions allowed={grantable} />
                      </select>{' '}
                      <button type="submit" className="secondary">
                        {t('organize.members.saveRole')}
                      </button>
                    </Form>
                  )}
                  {(canTouch || m.isMe) && (
                    <Form method="post" className="inline-form">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button type="submit" className="danger">
                        {m.isMe ? t('organize.members.leave') : t('organize.members.remove', { name: m.name })}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {manage && invitations && (
        <>
          <section aria-labelledby="pending-title">
            <h2 id="pending-title">{t('organize.members.pendingTitle')}</h2>
            {invitations.length === 0 ? (
              <p>{t('organize.members.pendingNone')}</p>
            ) : (
              <ul className="invitations">
                {invitations.map((i) => (
                  <li key={i.id}>
                    <strong>{i.email}</strong> · {t(`organize.role.${i.role}`)} · {i.invitedBy ? `${t('organize.members.invitedBy', { name: i.invitedBy })} · ` : ''}
                    {t('organize.members.expires', { date: i.expires })}{' '}
                    {(isOwner || i.role !== 'owner') && (
                      <Form method="post" className="inline-form">
                        <CsrfField token={csrf} />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" className="secondary" aria-label={t('organize.members.revoke', { email: i.email })}>
                          {t('organize.members.revokeShort')}
                        </button>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="invite-title">
            <h2 id="invite-title">{t('organize.members.inviteTitle')}</h2>
            <p className="muted">{t('organize.members.inviteLead')}</p>
            <Form method="post" noValidate>
              <CsrfField token={csrf} />
              <input type="hidden" name="intent" value="invite" />
              <TextField name="email" type="email" label={t('organize.members.inviteEmail')} value={inviteValues?.email} error={inviteErrors.email} autoComplete="off" />
              <Choice
                name="role"
                label={t('organize.members.inviteRole')}
                hint={grantable.map((r) => t('organize.roleLine', { role: t(`organize.role.${r}`), help: t(`organize.roleHelp.${r}`) })).join(' ')}
                value={inviteValues?.role || 'facilitator'}
                error={roleError}
                options={grantable.map((r) => [r, t(`organize.role.${r}`)])}
              />
              <Choice
                name="locale"
                label={t('organize.members.inviteLocale')}
                value={inviteValues?.locale || locale}
                options={[
                  ['en', 'English', 'en'],
                  ['fr', 'Français', 'fr'],
                ]}
              />
              {mayAddMessage ? (
                <TextField name="message" label={t('organize.members.inviteMessage')} value={inviteValues?.message} error={inviteErrors.message} multiline maxLength={MESSAGE_MAX} />
              ) : (
                <p className="muted">{t('organize.members.inviteMessageLater')}</p>
              )}
              <p>
                <button type="submit">{t('organize.members.invite')}</button>
              </p>
            </Form>
          </section>
        </>
      )}
    </>
  );
}
