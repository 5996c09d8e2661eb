import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/areas/developers';
import type { Route } from './+types/developers';
import { getT, type Locale } from '../../i18n';
import { localeOfPath } from '../lib/paths';
import { OPENAPI_PATH, openApiDocument } from '../lib/openapi.server';
import { apiReference, type FieldRow, type TypeWords } from '../lib/api-reference.server';

/** The API's reference, drawn from its OpenAPI document in the page's language. */
export function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const t = getT(locale);
  const base = context.settings.publicUrl;
  return { locale, base, document: OPENAPI_PATH, title: t('developers.page.title'), ...apiReference(openApiDocument(base, locale), t) };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];

/** Text with `code` spans. */
function Words({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <>
      {text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}

function Type({ type }: { type: TypeWords | null }) {
  const { t } = useTranslation();
  if (!type) return null;
  if (type.refs.length === 1 && type.text === type.refs[0]) return <a href={`#schema-${type.text}`}>{type.text}</a>;
  return (
    <>
      <code>{type.text}</code>
      {type.refs.map((r) => (
        <Fragment key={r}>
          {' '}
          (<a href={`#schema-${r}`}>{t('developers.page.seeSchema', { name: r })}</a>)
        </Fragment>
      ))}
    </>
  );
}

function Fields({ caption, rows, first, where }: { caption: string; rows: (FieldRow & { in?: string })[]; first: string; where?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {where ? <th scope="col">{t('developers.page.where')}</th> : null}
            <th scope="col">{t('developers.page.type')}</th>
            <th scope="col">{t('developers.page.required')}</th>
            <th scope="col">{t('developers.page.description')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.in ?? ''}${row.name}`}>
              <th scope="row">
                <code>{row.name}</code>
              </th>
              {where ? <td>{row.in}</td> : null}
              <td>
                <Type type={row.type} />
              </td>
              <td>{row.required ? t('developers.page.required') : t('developers.page.optional')}</td>
              <td>
                <Words text={row.description} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Developers({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, base, document, operations, schemas } = loaderData;
  return (
    <div className="page developers">
      <h1>{t('developers.page.title')}</h1>
      <p className="lead">{t('developers.page.lead')}</p>
      <nav aria-labelledby="developers-contents">
        <h2 id="developers-contents">{t('developers.page.contents')}</h2>
        <ul>
          <li>
            <a href="#basics">{t('developers.page.basics')}</a>
          </li>
          <li>
            <a href="#feeds">{t('developers.page.feeds')}</a>
          </li>
          <li>
            <a href="#endpoints">{t('developers.page.endpoints')}</a>
            <ul>
              {operations.map((op) => (
                <li key={op.id}>
                  <a href={`#op-${op.id}`}>{op.summary}</a>
                </li>
              ))}
            </ul>
          </li>
          <li>
            <a href="#schemas">{t('developers.page.schemas')}</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="basics">
        <h2 id="basics">{t('developers.page.basics')}</h2>
        <ul>
          <li>
            {t('developers.page.basicsBase')} <code>{base}</code>
          </li>
          {(['basicsJson', 'basicsLanguage', 'basicsErrors', 'basicsLimits', 'basicsPrivacy', 'basicsLicence'] as const).map((key) => (
            <li key={key}>
              <Words text={t(`developers.page.${key}`)} />
            </li>
          ))}
        </ul>
        <p>
          {t('developers.page.document')} <a href={document}>{document}</a>
        </p>
      </section>

      <section aria-labelledby="feeds">
        <h2 id="feeds">{t('developers.page.feeds')}</h2>
        <p>
          {t('developers.page.feedsMeetingGuide')} <a href={`/api/v1/meeting-guide.json?lang=${locale}`}>{t('developers.page.feedsLinkMeetingGuide')}</a>
        </p>
        <p>
          {t('developers.page.feedsHsds')} <a href={`/api/v1/hsds/dataset.json?lang=${locale}`}>{t('developers.page.feedsLinkHsds')}</a>
        </p>
        <p>{t('developers.page.feedsImport')}</p>
        <pre>
          <code>npm run cercle -- import hsds services.json --organization your-organization</code>
        </pre>
      </section>

      <section aria-labelledby="endpoints">
        <h2 id="endpoints">{t('developers.page.endpoints')}</h2>
        {operations.map((op) => (
          <section key={op.id} aria-labelledby={`op-${op.id}`} className="api-operation">
            <h3 id={`op-${op.id}`}>{op.summary}</h3>
            <p>
              <code className="api-route">
                {op.method} {op.path}
              </code>
            </p>
            <p>
              <Words text={op.description} />
            </p>
            {op.params.length > 0 ? (
              <>
                <h4>{t('developers.page.parameters')}</h4>
                <Fields caption={`${op.summary}: ${t('developers.page.parameters')}`} rows={op.params} first={t('developers.page.parameter')} where />
              </>
            ) : null}
            {op.body ? (
              <p>
                <strong>{t('developers.page.requestBody')}</strong> <Type type={op.body} />
              </p>
            ) : null}
            <h4>{t('developers.page.responses')}</h4>
            <dl className="api-responses">
              {op.responses.map((r) => (
                <div key={r.status}>
                  <dt>
                    <code>{r.status}</code> <Type type={r.type} />
                  </dt>
                  <dd>
                    <Words text={r.description} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </section>

      <section aria-labelledby="schemas">
        <h2 id="schemas">{t('developers.page.schemas')}</h2>
        {schemas.map((s) => (
          <section key={s.name} aria-labelledby={`schema-${s.name}`}>
            <h3 id={`schema-${s.name}`}>{s.name}</h3>
            {s.description ? (
              <p>
                <Words text={s.description} />
              </p>
            ) : null}
            {s.fields.length > 0 ? <Fields caption={s.name} rows={s.fields} first={t('developers.page.field')} /> : null}
          </section>
        ))}
      </section>
    </div>
  );
}
