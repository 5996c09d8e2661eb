import '../../i18n/areas/community';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community-moderation';
import { getCommunity } from '../../core/communities/community-page';
import { listQueue, updateRules, RULES_MAX } from '../../core/communities/moderation';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { communityError, communityForm, communityNotFound, communityVisitor, moderate, MODERATED, queueView } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { CommunityBreadcrumb } from '../components/community-post';
import { ModerationQueue } from '../components/moderation-queue';
import { ErrorSummary, TextField } from '../components/form-kit';
import { field } from '../lib/form-values';

const DONE = [...MODERATED, 'rules'] as const;

export async function loader(args: Route.LoaderArgs) {
  const visitor = await communityVisitor(args);
  const { locale, ctx } = visitor;
  const page = await getCommunity({ ctx, input: { community: args.params.slug } }).catch((err: unknown) => communityNotFound(err, locale));
  if (!visitor.user) throw redirect(`${pathTo(locale, 'signIn')}?next=${encodeURIComponent(new URL(args.request.url).pathname)}`);
  // Only those who moderate: anyone else is told the page does not exist.
  if (!page.viewer.canModerate) throw data(getT(locale)('errors.notFound'), { status: 404 });
  const queue = await listQueue({ ctx, input: { community: page.group.id } });
  const done = new URL(args.request.url).searchParams.get('done');
  return {
    locale,
    csrf: visitor.csrf!,
    groupTitle: page.group.title,
    rulesMax: RULES_MAX,
    rules: { rulesEn: page.group.rules.en ?? '', rulesFr: page.group.rules.fr ?? '' },
    communityHref: pathTo(locale, 'community', { slug: page.group.slugs[locale] }),
    localeParams: { en: { slug: page.group.slugs.en }, fr: { slug: page.group.slugs.fr } },
    queue: queueView(queue, locale),
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
    title: `${getT(locale)('community.moderation.title')} · ${pick(page.group.title, locale)?.text ?? ''}`,
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  const here = new URL(args.request.url).pathname;
  try {
    if (field(form, 'intent') === 'rules') {
      await updateRules({ ctx, input: { community: args.params.slug, rulesEn: field(form, 'rulesEn'), rulesFr: field(form, 'rulesFr') } });
      return redirect(`${here}?done=rules`);
    }
    return redirect(`${here}?done=${await moderate(ctx, form)}`);
  } catch (err) {
    const problem = communityError(err, getT(locale));
    const values = { rulesEn: field(form, 'rulesEn'), rulesFr: field(form, 'rulesFr') };
    return data<{ problem: FormProblem; intent: string; values: typeof values }>({ problem, intent: field(form, 'intent'), values }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function CommunityModeration({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const problem = actionData?.problem;
  const rules = actionData?.intent === 'rules' ? actionData.values : d.rules;
  return (
    <div className="page narrow community">
      <CommunityBreadcrumb href={d.communityHref} title={d.groupTitle} locale={d.locale} />
      <h1>{t('community.moderation.title')}</h1>
      {d.done && (
        <p className="notice success" role="status">
          {t(`community.moderation.done.${d.done as (typeof DONE)[number]}`)}
        </p>
      )}
      {problem && <ErrorSummary message={problem.message} fields={problem.fields} />}
      <p className="lead">{t('community.moderation.lead')}</p>
      <section aria-labelledby="queue-title">
        <h2 id="queue-title" className="visually-hidden">
          {t('community.moderation.title')}
        </h2>
        <ModerationQueue items={d.queue} csrf={d.csrf} locale={d.locale} />
      </section>
      <section aria-labelledby="rules-title" className="card">
        <h2 id="rules-title">{t('community.moderation.rulesTitle')}</h2>
        <p className="hint">{t('community.moderation.rulesHint')}</p>
        <Form method="post" key={`${rules.rulesEn}|${rules.rulesFr}`}>
          <CsrfField token={d.csrf} />
          <input type="hidden" name="intent" value="rules" />
          {(['en', 'fr'] as const).map((lang) => {
            const name = lang === 'en' ? 'rulesEn' : 'rulesFr';
            const error = problem?.fields[name];
            return (
              <TextField key={lang} name={name} label={t(`community.moderation.${name}`)} multiline rows={5} maxLength={d.rulesMax} lang={lang} value={rules[name]} error={error} />
            );
          })}
          <button type="submit">{t('community.moderation.saveRules')}</button>
        </Form>
      </section>
    </div>
  );
}
