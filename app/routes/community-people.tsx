import '../../i18n/areas/community';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community-people';
import { findPeople, getExperience, REGIONS, setExperience, type PersonFound, type Region } from '../../core/communities/people';
import { listTopics } from '../../core/search/list-topics';
import { CoreError } from '../../core/errors';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { communityError, communityForm, memberPage } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { Localized } from '../components/localized';
import { CommunityBreadcrumb } from '../components/community-post';
import { Check, Choice, ErrorSummary, TextField } from '../components/form-kit';
import { checked, field } from '../lib/form-values';

// Finding members with a similar experience: one's own description (what others may see of it),
// and the people closest to it or nearby. For the community's members only.

export async function loader(args: Route.LoaderArgs) {
  const { locale, ctx, csrf, page, communityHref } = await memberPage(args);
  const url = new URL(args.request.url);
  const by = url.searchParams.get('by') === 'nearby' ? 'nearby' : 'experience';
  const [mine, topics] = await Promise.all([getExperience({ ctx, input: { community: page.group.id } }), listTopics({ ctx })]);
  let people: PersonFound[] | null = null;
  let describeFirst = false;
  try {
    people = await findPeople({ ctx, input: { community: page.group.id, by } });
  } catch (err) {
    if (!(err instanceof CoreError && err.reason === 'describe_first')) throw err;
    describeFirst = true;
  }
  return {
    locale,
    csrf,
    groupTitle: page.group.title,
    communityHref,
    here: url.pathname,
    messagesHref: pathTo(locale, 'communityMessages', { slug: page.group.slugs[locale] }),
    localeParams: { en: { slug: page.group.slugs.en }, fr: { slug: page.group.slugs.fr } },
    by,
    regions: REGIONS,
    mine,
    topics,
    people,
    describeFirst,
    saved: url.searchParams.get('done') === 'saved',
    title: `${getT(locale)('community.people.title')} · ${pick(page.group.title, locale)?.text ?? ''}`,
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  // Words that are not a year become NaN, which core refuses as it refuses any bad year.
  const yearText = field(form, 'year').trim();
  const region = field(form, 'region');
  try {
    await setExperience({
      ctx,
      input: {
        community: args.params.slug,
        findable: checked(form, 'findable'),
        topics: form.getAll('topic').filter((v): v is string => typeof v === 'string'),
        year: yearText ? Number(yearText) : null,
        region: (region || null) as Region | null,
        showTopics: checked(form, 'showTopics'),
        showYear: checked(form, 'showYear'),
        showRegion: checked(form, 'showRegion'),
      },
    });
    return redirect(`${new URL(args.request.url).pathname}?done=saved`);
  } catch (err) {
    const problem = communityError(err, getT(locale));
    return data<{ problem: FormProblem }>({ problem }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function CommunityPeople({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const mine = d.mine;
  const problem = actionData?.problem;
  return (
    <div className="page narrow community">
      <CommunityBreadcrumb href={d.communityHref} title={d.groupTitle} locale={d.locale} />
      <h1>{t('community.people.title')}</h1>
      {d.saved && (
        <p className="notice success" role="status">
          {t('community.people.saved')}
        </p>
      )}
      {problem && <ErrorSummary message={problem.message} fields={problem.fields} />}
      <p className="lead">{t('community.people.lead')}</p>

      <section aria-labelledby="mine-title" className="card">
        <h2 id="mine-title">{t('community.people.mine')}</h2>
        <Form method="post">
          <CsrfField token={d.csrf} />
          <Check name="findable" label={t('community.people.findable')} hint={t('community.people.findableHint')} checked={mine?.findable ?? false} />
          <fieldset aria-describedby={problem?.fields.topics ? 'f-topics-error' : undefined}>
            <legend>{t('community.people.topics')}</legend>
            {problem?.fields.topics && (
              <p className="field-error" id="f-topics-error">
                {problem.fields.topics}
              </p>
            )}
            {d.topics.map((parent) => (
              <details key={parent.slug} open={parent.children.some((c) => mine?.topics.includes(c.slug))}>
                <summary>
                  <Localized text={parent.label} locale={d.locale} />
                </summary>
                {parent.children.map((c) => (
                  <p className="field checkbox" key={c.slug}>
                    <input id={`t-${c.slug}`} name="topic" value={c.slug} type="checkbox" defaultChecked={mine?.topics.includes(c.slug)} />
                    <label htmlFor={`t-${c.slug}`}>
                      <Localized text={c.label} locale={d.locale} />
                    </label>
                  </p>
                ))}
              </details>
            ))}
          </fieldset>
          <TextField name="year" type="number" inputMode="numeric" min={1900} label={t('community.people.year')} value={mine?.year} error={problem?.fields.year} />
          <Choice
            name="region"
            label={t('community.people.region')}
            value={mine?.region}
            empty={t('community.people.regionNone')}
            options={d.regions.map((r) => [r, t(`community.regions.${r}`)])}
          />
          <fieldset>
            <legend>{t('community.people.show')}</legend>
            <Check name="showTopics" label={t('community.people.showTopics')} checked={mine?.showTopics ?? true} />
            <Check name="showYear" label={t('community.people.showYear')} checked={mine?.showYear ?? true} />
            <Check name="showRegion" label={t('community.people.showRegion')} checked={mine?.showRegion ?? false} />
          </fieldset>
          <button type="submit">{t('community.people.save')}</button>
        </Form>
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t('community.people.results')}</h2>
        <nav aria-label={t('community.people.results')} className="order">
          <Link to={`${d.here}?by=experience`} aria-current={d.by === 'experience' ? 'page' : undefined}>
            {t('community.people.byExperience')}
          </Link>{' '}
          <Link to={`${d.here}?by=nearby`} aria-current={d.by === 'nearby' ? 'page' : undefined}>
            {t('community.people.nearby')}
          </Link>
        </nav>
        {d.describeFirst ? (
          <p>{t('community.errors.reason.describe_first')}</p>
        ) : d.people && d.people.length === 0 ? (
          <p>{t('community.people.none')}</p>
        ) : (
          <ul className="people">
            {d.people?.map((p, i) => (
              <li key={i} className="card">
                <h3>{p.nickname ?? t('community.anonymousMember')}</h3>
                {p.topics && p.topics.length > 0 && (
                  <ul className="tags">
                    {p.topics.map((topic) => (
                      <li key={topic.slug}>
                        <Localized text={topic.label} locale={d.locale} />
                        {topic.shared && <span className="muted"> ({t('community.people.shared')})</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {p.canMessage && (
                  <p>
                    <Link to={`${d.messagesHref}?to=${p.memberId}`}>{t('community.messages.write', { nickname: p.nickname ?? t('community.anonymousMember') })}</Link>
                  </p>
                )}
                {(p.year || p.region) && (
                  <p className="muted">{[p.year, p.region ? t(`community.regions.${p.region}`) : null].filter(Boolean).join(' · ')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
