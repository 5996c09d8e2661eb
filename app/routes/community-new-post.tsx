import '../../i18n/areas/community';
import { data, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community-new-post';
import { getCommunity } from '../../core/communities/community-page';
import { createPost } from '../../core/communities/posts';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { communityError, communityForm, communityNotFound, communityVisitor } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { retryAfter } from '../lib/signup.server';
import { pathTo } from '../lib/paths';
import { CommunityBreadcrumb, CommunityNotices, PostComposer } from '../components/community-post';
import { checked, field } from '../lib/form-values';

// Where new posts are sent (multipart: they may carry images). The one form route that takes a
// large body: its limit (POST_BODY_LIMIT) is checked by the server from the request's declared
// length, before anything reads it (server/body-limits.ts). Opened directly, it is the composer
// on a page of its own.

export async function loader(args: Route.LoaderArgs) {
  const visitor = await communityVisitor(args);
  const { locale, ctx } = visitor;
  const page = await getCommunity({ ctx, input: { community: args.params.slug } }).catch((err: unknown) => communityNotFound(err, locale));
  const communityHref = pathTo(locale, 'community', { slug: page.group.slugs[locale] });
  // Those who may not post are sent to the community's page, which says why.
  if (!page.viewer.canPost || !visitor.csrf) throw redirect(communityHref);
  return {
    locale,
    csrf: visitor.csrf,
    groupTitle: page.group.title,
    communityHref,
    here: pathTo(locale, 'communityNewPost', { slug: page.group.slugs[locale] }),
    localeParams: { en: { slug: page.group.slugs.en }, fr: { slug: page.group.slugs.fr } },
    title: `${getT(locale)('community.write')} · ${pick(page.group.title, locale)?.text ?? ''}`,
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  const values = { body: field(form, 'body'), alt: field(form, 'alt'), anonymous: checked(form, 'anonymous') ? 'on' : '' };
  try {
    const alts = form.getAll('alt');
    const images = [];
    for (const [n, file] of form.getAll('image').entries()) {
      // A file input left empty still sends an empty part.
      if (!(file instanceof File) || file.size === 0) continue;
      const alt = alts[n];
      images.push({ data: new Uint8Array(await file.arrayBuffer()), ...(typeof alt === 'string' ? { alt } : {}) });
    }
    const out = await createPost({ ctx, input: { community: args.params.slug, body: values.body, anonymous: values.anonymous === 'on', images } });
    return redirect(`${pathTo(locale, 'community', { slug: args.params.slug })}?done=posted${out.crisis ? '&crisis=1' : ''}`);
  } catch (err) {
    const problem = communityError(err, getT(locale));
    return data<{ problem: FormProblem; values: typeof values }>({ problem, values }, { status: problem.status, headers: retryAfter(err) });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function CommunityNewPost({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  return (
    <div className="page narrow community">
      <CommunityBreadcrumb href={d.communityHref} title={d.groupTitle} locale={d.locale} />
      <h1>{t('community.write')}</h1>
      <CommunityNotices done={null} problem={actionData?.problem} />
      <PostComposer csrf={d.csrf} action={d.here} values={actionData?.values} errors={actionData?.problem.fields} />
    </div>
  );
}
