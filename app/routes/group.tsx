import '../../i18n/areas/listing';
import { data, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/group';
import { getGroup } from '../../core/groups';
import { NotFound } from '../../core/errors';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { checkGroupAddress, groupLocaleParams } from '../lib/group-address.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { describeCost } from '../lib/cost';
import { describePlace, describeLanguages } from '../lib/group-display.server';
import { formatDay, formatSessionTime, formatTime, zoneName } from '../lib/format';
import { Localized, Paragraphs } from '../components/localized';
import { ShareBox } from '../components/share-box';
import { CohortList, Section, SessionList } from '../components/group-schedule';
import { GroupFacts } from '../components/group-facts';
import { groupJsonLd, jsonLdScript } from '../lib/group-json-ld';
import { relatedArticles } from '../../core/articles';
import { articleCard } from '../lib/articles.server';
import { RelatedArticles } from '../components/related-articles';
import { groupCalendarPath, sessionCalendarPath } from '../lib/listing-paths';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const t = getT(locale);
  let group;
  try {
    group = await getGroup({ ctx: coreContext(context, locale), input: { ref: params.slug } });
    checkGroupAddress(request, locale, params.slug, group.slugs, group.id);
  } catch (err) {
    if (err instanceof NotFound) throw data(t('errors.groupNotFound'), { status: 404 });
    throw err;
  }
  const articles = await relatedArticles({
    ctx: coreContext(context, locale),
    input: { locale, topics: group.topics.map((x) => x.slug), kinds: [group.kind], limit: 3 },
  });
  const tz = group.timeZone;
  // Absolute addresses come from PUBLIC_URL, never from the request's Host header.
  const pageUrl = new URL(pathTo(locale, 'group', { slug: group.slug }), context.settings.publicUrl).toString();
  return {
    locale,
    group,
    pageUrl,
    localeParams: groupLocaleParams(group.slugs),
    articles: articles.map((a) => articleCard(a, locale)),
    jsonLd: jsonLdScript(groupJsonLd(group, { pageUrl, locale })),
    display: {
      title: pick(group.title, locale)?.text ?? '',
      organization: pick(group.organization.name, locale)?.text ?? '',
      place: describePlace(group, t),
      cost: describeCost(group.cost, t, locale),
      languages: describeLanguages(group.languages, locale),
      zone: zoneName(tz, locale),
      sessions: group.sessions.map((s) => ({
        id: s.id,
        when: `${formatSessionTime(s.startsAt, tz, locale)} – ${formatTime(s.endsAt, tz, locale)}`,
        startsAt: s.startsAt.toISOString(),
        originally:
          s.status === 'postponed' && s.originalStartsAt ? formatSessionTime(s.originalStartsAt, tz, locale) : null,
        // A cancelled session is not put in anyone's calendar.
        calendarHref: s.status === 'cancelled' ? null : sessionCalendarPath(locale, group.slug, s.id),
        // Drop-in sessions still taking sign-ups link to their form; the others say why not.
        signupHref: s.signupOpen ? pathTo(locale, 'sessionSignup', { slug: group.slug, sessionId: s.id }) : null,
        closedReason: s.signupClosedReason === 'cutoff_passed' ? s.signupClosedReason : null,
        closedAt: s.signupClosesAt ? formatSessionTime(s.signupClosesAt, tz, locale) : '',
      })),
      cohorts: group.cohorts.map((c) => ({
        id: c.id,
        dates: t('group.cohortDates', { start: formatDay(c.startsOn, locale), end: formatDay(c.endsOn, locale) }),
        applyHref:
          c.status === 'open' || c.status === 'confirmed' || c.status === 'postponed'
            ? pathTo(locale, 'cohortApply', { slug: group.slug, cohortId: c.id })
            : null,
      })),
    },
  };
}

export const meta: Route.MetaFunction = ({ data }) =>
  data
    ? [
        { title: `${data.display.title} · Cercle` },
        { name: 'description', content: pick(data.group.summary, data.locale)?.text ?? '' },
      ]
    : [{ title: 'Cercle' }];

export default function GroupPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, group: g, display } = loaderData;
  const kindsHref = pathTo(locale, 'kinds');
  const when = new Map(display.sessions.map((s) => [s.id, s]));
  return (
    <article className="page group-page" aria-labelledby="group-title">
      <p className="breadcrumb">
        <Link to={pathTo(locale, 'groups')}>{t('group.back')}</Link>
      </p>
      <Localized as="h1" id="group-title" text={g.title} locale={locale} className="group-title" />
      <p className="tags">
        <span className={`tag tag-${g.kind}`}>{t(`kind.${g.kind}`)}</span>
        <span className="tag">{t(`format.${g.format}`)}</span>
        <span className="tag">{t(`leadership.${g.leadership}`)}</span>
        <span className="tag">{t(`delivery.${g.delivery}`)}</span>
      </p>
      <Localized as="p" text={g.summary} locale={locale} className="lead" />

      <div className="group-layout">
        <div className="group-main">
          <Section id="about" title={t('group.about')}>
            <Paragraphs text={g.description} locale={locale} />
          </Section>

          <Section id="kind" title={t('group.kindFormat')}>
            <dl className="plain-words">
              <dt>{t(`kind.${g.kind}`)}</dt>
              <dd>
                {t(`kindPlain.${g.kind}`)} <a href={`${kindsHref}#kind-${g.kind}`}>{t('group.whatItMeans')}</a>
              </dd>
              <dt>{t(`format.${g.format}`)}</dt>
              <dd>
                {t(`formatPlain.${g.format}`)}
                {g.dropInStyle && <> {t(`dropInStyle.${g.dropInStyle}`)}.</>}{' '}
                <a href={`${kindsHref}#format-${g.format}`}>{t('group.whatItMeans')}</a>
              </dd>
              <dt>{t(`leadership.${g.leadership}`)}</dt>
              <dd>
                {t(`leadershipPlain.${g.leadership}`)}{' '}
                <a href={`${kindsHref}#leadership-${g.leadership}`}>{t('group.whatItMeans')}</a>
              </dd>
              {g.workshopActivity && (
                <>
                  <dt>{t(`activity.${g.workshopActivity}`)}</dt>
                  <dd>{g.noNeedToTalk ? t('group.noNeedToTalk') : null}</dd>
                </>
              )}
            </dl>
          </Section>

          {pick(g.whatToExpect, locale) && (
            <Section id="expect" title={t('group.whatToExpect')}>
              <Paragraphs text={g.whatToExpect} locale={locale} />
            </Section>
          )}
          {pick(g.treatmentFocus, locale) && (
            <Section id="focus" title={t('group.treatmentFocus')}>
              <Paragraphs text={g.treatmentFocus} locale={locale} />
              {g.intakeScreening && <p>{t('group.intakeScreening')}</p>}
            </Section>
          )}
          {pick(g.materials, locale) && (
            <Section id="materials" title={t('group.materials')}>
              <Paragraphs text={g.materials} locale={locale} />
            </Section>
          )}
          {pick(g.rules, locale) && (
            <Section id="rules" title={t('group.rules')}>
              <Paragraphs text={g.rules} locale={locale} />
            </Section>
          )}

          {g.format === 'ongoing' && (
            <Section id="join" title={t('group.joinCommunityTitle')}>
              <p>{t('group.joinCommunity')}</p>
              <p>
                <Link className="button signup-button" to={pathTo(locale, 'community', { slug: g.slug })}>
                  {t('group.openCommunity')}
                </Link>
              </p>
            </Section>
          )}

          {g.format !== 'ongoing' && g.format !== 'closed' && (
            <Section id="schedule" title={t('group.schedule')}>
              <p className="muted">{t('group.timesIn', { zone: display.zone })}</p>
              {g.sessions.length === 0 ? (
                <p>{t('group.noSessions')}</p>
              ) : (
                <SessionList sessions={g.sessions} when={when} locale={locale} group={g} />
              )}
            </Section>
          )}

          {g.format === 'closed' && (
            <Section id="cohorts" title={t('group.cohorts')}>
              <p className="muted">{t('group.timesIn', { zone: display.zone })}</p>
              {g.cohorts.length === 0 ? (
                <p>{t('group.noSessions')}</p>
              ) : (
                <CohortList group={g} when={when} cohorts={display.cohorts} locale={locale} />
              )}
            </Section>
          )}

          {g.sessions.length > 0 && (
            <Section id="calendar" title={t('listing.calendarTitle')}>
              <p>
                <a href={groupCalendarPath(locale, g.slug)} download>
                  {t('listing.addSchedule')}
                </a>
              </p>
              <p className="muted">{t('listing.calendarHint', { zone: display.zone })}</p>
            </Section>
          )}
        </div>

        <aside className="group-facts" aria-labelledby="facts-title">
          <h2 id="facts-title" className="visually-hidden">
            {t('group.about')}
          </h2>
          <GroupFacts group={g} display={display} locale={locale} />

          <ShareBox url={loaderData.pageUrl} title={display.title} />

          <RelatedArticles articles={loaderData.articles} />

          <p className="report-link">
            <Link to={pathTo(locale, 'groupReport', { slug: g.slug })}>{t('listing.report.link')}</Link>
          </p>
        </aside>
      </div>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: loaderData.jsonLd }} />
    </article>
  );
}
