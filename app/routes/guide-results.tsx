import '../../i18n/areas/guide';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/guide-results';
import { findGuideMatches, GUIDE_OPTIONS, rankKinds } from '../../core/guide';
import { relatedArticles } from '../../core/articles';
import { articleCard } from '../lib/articles.server';
import { RelatedArticles } from '../components/related-articles';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { parseQuery, badRequest } from '../lib/query.server';
import { groupCard } from '../lib/group-display.server';
import { searchParamsOf } from '../lib/group-query';
import { guideQuery, guideSearch, splitValues } from '../lib/guide-query';
import { pick } from '../../core/text';
import { readOwnWords } from '../../core/search/understand';
import { GroupCard } from '../components/group-card';

/** The guide's result: kinds and formats ranked with their reasons, then real groups to try. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const t = getT(locale);
  const parsed = parseQuery(guideQuery, url, t);
  if (!parsed.ok) badRequest(parsed.issues);
  const { answers, where: given } = splitValues(parsed.value);
  // The person's own words suggest a topic when they chose none, kinds of group, and hear a crisis.
  const own = given.words ? readOwnWords(given.words, locale) : null;
  const where = own?.topic && !given.topic ? { ...given, topic: own.topic } : given;
  const ranking = rankKinds(answers, own);
  const ctx = coreContext(context, locale);
  const found = await findGuideMatches({ ctx, ranking, input: { where } });
  // Articles about what the person is living and the kind of group ranked first for them.
  const first = ranking.options[0];
  const articles = await relatedArticles({
    ctx,
    input: { locale, topics: found.topic ? [found.topic.slug] : [], kinds: first ? [GUIDE_OPTIONS[first.id].kind] : [], limit: 3 },
  });
  const topicFromWords = Boolean(own?.topic && !given.topic && found.topic);
  const widened = found.topic?.widenedTo && ranking.sameLoss !== 'exact' ? found.topic.widenedTo : null;
  return {
    locale,
    title: t('guide.results.title'),
    search: guideSearch(parsed.value),
    answered: Object.values(answers).some((a) => a != null) || Boolean(given.words),
    ranking,
    topic: found.topic ? (pick(found.topic.label, locale)?.text ?? found.topic.slug) : null,
    topicFromWords,
    wider: widened ? (pick(widened.label, locale)?.text ?? widened.slug) : null,
    place: found.place?.label ?? null,
    placeUnknown: found.placeUnknown ? (where.city ?? null) : null,
    articles: articles.map((a) => articleCard(a, locale)),
    matches: found.matches.map((m) => {
      // "All groups of this kind" keeps what the person said: topic, language, place, budget, age.
      const s = m.search;
      const params = searchParamsOf({
        kind: s.kind,
        format: s.format,
        topic: s.topic,
        lang: s.lang,
        cost: s.cost,
        delivery: s.delivery,
        age: s.age,
        near: s.near,
        radius_km: s.near ? s.radiusKm : undefined,
      });
      return {
        option: m.option,
        seeAll: `${pathTo(locale, 'groups')}?${params}`,
        groups: m.groups.map((g) => ({ card: groupCard(g, t, locale), fit: g.fit })),
      };
    }),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];

export default function GuideResults({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, search, answered, ranking, matches, topic, topicFromWords, wider, place, placeUnknown } = loaderData;
  return (
    <div className="page guide-results">
      <h1>{t('guide.results.title')}</h1>
      <p className="lead">{answered ? t('guide.results.lead') : t('guide.results.noAnswers')}</p>
      {ranking.showCrisisLines && (
        <p className="crisis-note" role="note">
          {t('guide.results.crisis')}
        </p>
      )}
      <p>
        <Link to={`${pathTo(locale, 'guide')}${search}`}>{t('guide.results.change')}</Link> ·{' '}
        <Link to={pathTo(locale, 'kinds')}>{t('guide.results.compare')}</Link>
      </p>

      <section aria-labelledby="matches-title">
        <h2 id="matches-title">{t('guide.results.matchesTitle')}</h2>
        <p>{t('guide.results.matchesLead')}</p>
        {topicFromWords && topic && <p>{t('guide.results.fromWords', { topic })}</p>}
        {wider && topic && <p>{t('guide.results.widened', { topic, wider })}</p>}
        {place && <p>{t('guide.results.near', { place })}</p>}
        {placeUnknown && <p role="note">{t('guide.results.placeUnknown', { place: placeUnknown })}</p>}
        {matches.map((m) => (
          <section key={m.option} aria-labelledby={`matches-${m.option}`} className="guide-matches">
            <h3 id={`matches-${m.option}`}>{t(`guide.option.${m.option}`)}</h3>
            {m.groups.length === 0 ? (
              <p>{t('guide.results.noMatches')}</p>
            ) : (
              <ul className="group-list">
                {m.groups.map(({ card, fit }) => (
                  <li key={card.slug}>
                    <GroupCard group={card} locale={locale} href={pathTo(locale, 'group', { slug: card.slug })} headingLevel={4} />
                    {(fit.place || (fit.topic === 'general' && wider)) && (
                      <p className="guide-fit">
                        {[
                          fit.place ? t(`guide.results.fit.${fit.place}`, { place: place ?? '' }) : null,
                          fit.topic === 'general' && wider ? t('guide.results.fit.general', { wider }) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to={m.seeAll}>
                {t('guide.results.seeAll')}
                <span className="visually-hidden">: {t(`guide.option.${m.option}`)}</span>
              </Link>
            </p>
          </section>
        ))}
      </section>
      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{t('guide.results.ranking')}</h2>
        <ol className="ranking">
          {ranking.options.map((o, i) => (
            <li key={o.id} className="ranked-option" aria-labelledby={`option-${o.id}`}>
              <h3 id={`option-${o.id}`}>
                {t(`guide.option.${o.id}`)}
                {i === 0 && answered && o.score > 0 && <span className="tag best-fit">{t('guide.results.bestFit')}</span>}
              </h3>
              <p>{t(`guide.optionPlain.${o.id}`)}</p>
              {o.reasons.length > 0 && (
                <>
                  <p className="reasons-title">{t('guide.results.why')}</p>
                  <ul className="reasons">
                    {o.reasons.map((r) => (
                      <li key={r}>{t(`guide.reason.${r}`)}</li>
                    ))}
                  </ul>
                </>
              )}
              {o.cautions.length > 0 && (
                <>
                  <p className="reasons-title">{t('guide.results.keepInMind')}</p>
                  <ul className="cautions">
                    {o.cautions.map((c) => (
                      <li key={c}>{t(`guide.caution.${c}`)}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
        <p>
          <Link to={pathTo(locale, 'kinds')}>{t('guide.results.compare')}</Link>
        </p>
      </section>

      <RelatedArticles articles={loaderData.articles} />

      <p className="muted">{t('guide.results.shareHint')}</p>
    </div>
  );
}
