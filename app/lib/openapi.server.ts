import type { TFunction } from 'i18next';
import { z } from 'zod';
import { getT, type Locale } from '../../i18n';
import { API_VALUES, API_WORDS, apiWords } from './api-words';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { registerForSessionInput } from '../../core/registrations/register-for-session';
import { applyToCohortInput } from '../../core/applications/apply-to-cohort';
import { cancelRegistrationInput } from '../../core/participants/cancel-registration';
import { groupSearchQuery } from './group-query';
import { hsdsOrganization, hsdsService } from '../../core/feeds/hsds-schema';
import {
  cancelJsonSchema,
  checkEmailJsonSchema,
  groupJsonSchema,
  groupSearchJsonSchema,
  feedQuery,
  hsdsListQuery,
  hsdsPageJson,
  hsdsServicesQuery,
  localeJson,
  meetingGuideJsonSchema,
  problemJsonSchema,
} from './api-schemas.server';

// The OpenAPI 3.1 description of Cercle's public API, generated from the zod schemas the endpoints
// read their input with and the serializers' answers are typed by: nothing here repeats a field.
// Served at /api/v1/openapi.json and drawn at /en/developers and /fr/developpeurs.

export const OPENAPI_PATH = '/api/v1/openapi.json';

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

/** The statuses of refusals, each worded in the developers' area (`problems.s<status>`). */
type ProblemStatus = 400 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429;

const idParam = (words: string) => z.object({ id: z.uuid().meta(apiWords(`params.${words}`)) });
const acceptLanguage = z.object({ 'accept-language': z.string().optional().meta(apiWords('params.acceptLanguage')) });

const hsdsServiceJson = hsdsService.meta({ id: 'HsdsService', ...apiWords('fields.hsdsService') });
const hsdsOrganizationJson = hsdsOrganization.meta({ id: 'HsdsOrganization', ...apiWords('fields.hsdsOrganization') });
const hsdsRootJson = z.object({ version: z.string(), profile: z.url(), openapi_url: z.url() }).meta({ id: 'HsdsRoot' });
const hsdsDatasetJson = z.object({ version: z.string(), services: z.array(hsdsServiceJson) }).meta({ id: 'HsdsDataset' });
const hsdsId = (words: string) => ({ path: z.object({ id: z.uuid().meta(apiWords(`params.${words}`)) }) });

const signUpBody = registerForSessionInput.omit({ sessionId: true }).extend({ locale: localeJson.optional() }).meta({ id: 'SignUp' });
const applicationBody = applyToCohortInput.omit({ cohortId: true }).extend({ locale: localeJson.optional() }).meta({ id: 'Application' });
const cancelBody = cancelRegistrationInput.omit({ registrationId: true }).extend({ locale: localeJson.optional() }).meta({ id: 'CancelRequest' });

/** The document in the words of `t` (the descriptions of the schemas are put in by `localize`). */
function build(serverUrl: string, t: TFunction) {
  const say = (key: string) => (t as unknown as (k: string) => string)(`developers.api.${key}`);
  const json = (words: string, schema: z.ZodType, type = JSON_TYPE) => ({ description: say(words), content: { [type]: { schema } } });
  const problems = (...statuses: ProblemStatus[]): ZodOpenApiResponsesObject =>
    Object.fromEntries(
      statuses.map((s) => [
        s,
        {
          ...json(`problems.s${s}`, problemJsonSchema, PROBLEM_TYPE),
          ...(s === 429 ? { headers: z.object({ 'Retry-After': z.string().meta(apiWords('problems.retryAfter')) }) } : {}),
        },
      ]),
    );
  const operation = (operationId: string, tag: string) => ({
    operationId,
    summary: say(`operations.${operationId}.summary`),
    description: say(`operations.${operationId}.description`),
    tags: [tag],
  });
  /** A JSON endpoint that people join or leave through: POST, its body, its answers. */
  const post = (operationId: string, idWords: string, body: z.ZodType, ok: ZodOpenApiResponsesObject, extra: ProblemStatus[]): ZodOpenApiOperationObject => ({
    ...operation(operationId, 'Joining'),
    requestParams: { path: idParam(idWords), header: acceptLanguage },
    requestBody: { required: true, content: { [JSON_TYPE]: { schema: body } } },
    responses: { ...ok, ...problems(400, 404, 405, 413, 415, ...extra, 429) },
  });
  const checkEmail = { 202: json('responses.checkEmail', checkEmailJsonSchema) };

  return createDocument({
    openapi: '3.1.0',
    info: { title: 'Cercle API', version: '1.0.0', description: say('info'), license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' } },
    servers: [{ url: serverUrl }],
    // No key: reading is open to anyone, and joining is proven by the emailed link.
    security: [],
    tags: [
      { name: 'Groups', description: say('tags.groups') },
      { name: 'Joining', description: say('tags.joining') },
      { name: 'Feeds', description: say('tags.feeds') },
      { name: 'HSDS', description: say('tags.hsds') },
      { name: 'Documents', description: say('tags.documents') },
    ],
    paths: {
      '/api/v1/groups': {
        get: {
          ...operation('searchGroups', 'Groups'),
          requestParams: { query: groupSearchQuery, header: acceptLanguage },
          responses: { 200: json('responses.search', groupSearchJsonSchema), ...problems(400) },
        },
      },
      '/api/v1/groups/{id}': {
        get: {
          ...operation('getGroup', 'Groups'),
          requestParams: { path: z.object({ id: z.string().meta(apiWords('params.groupRef')) }) },
          responses: { 200: json('responses.group', groupJsonSchema), ...problems(404) },
        },
      },
      '/api/v1/sessions/{id}/registrations': { post: post('signUp', 'sessionId', signUpBody, checkEmail, [409, 422]) },
      '/api/v1/cohorts/{id}/applications': { post: post('applyToCohort', 'cohortId', applicationBody, checkEmail, [409, 422]) },
      '/api/v1/registrations/{id}/cancel': {
        post: post('cancelRegistration', 'registrationId', cancelBody, { 200: json('responses.cancelled', cancelJsonSchema) }, []),
      },
      '/api/v1/meeting-guide.json': {
        get: {
          ...operation('meetingGuide', 'Feeds'),
          requestParams: { query: feedQuery, header: acceptLanguage },
          responses: { 200: json('responses.meetingGuide', z.array(meetingGuideJsonSchema)), ...problems(400) },
        },
      },
      '/api/v1/hsds': {
        get: { ...operation('hsdsRoot', 'HSDS'), requestParams: { query: feedQuery }, responses: { 200: json('responses.hsdsRoot', hsdsRootJson), ...problems(400) } },
      },
      '/api/v1/hsds/services': {
        get: {
          ...operation('hsdsServices', 'HSDS'),
          requestParams: { query: hsdsServicesQuery, header: acceptLanguage },
          responses: { 200: json('responses.hsdsServices', hsdsPageJson(hsdsServiceJson, 'HsdsServicePage')), ...problems(400) },
        },
      },
      '/api/v1/hsds/services/{id}': {
        get: {
          ...operation('hsdsService', 'HSDS'),
          requestParams: { ...hsdsId('hsdsServiceId'), query: feedQuery, header: acceptLanguage },
          responses: { 200: json('responses.hsdsService', hsdsServiceJson), ...problems(400, 404) },
        },
      },
      '/api/v1/hsds/organizations': {
        get: {
          ...operation('hsdsOrganizations', 'HSDS'),
          requestParams: { query: hsdsListQuery, header: acceptLanguage },
          responses: { 200: json('responses.hsdsOrganizations', hsdsPageJson(hsdsOrganizationJson, 'HsdsOrganizationPage')), ...problems(400) },
        },
      },
      '/api/v1/hsds/organizations/{id}': {
        get: {
          ...operation('hsdsOrganization', 'HSDS'),
          requestParams: { ...hsdsId('hsdsOrganizationId'), query: feedQuery, header: acceptLanguage },
          responses: { 200: json('responses.hsdsOrganization', hsdsOrganizationJson), ...problems(400, 404) },
        },
      },
      '/api/v1/hsds/dataset.json': {
        get: {
          ...operation('hsdsDataset', 'HSDS'),
          requestParams: { query: feedQuery, header: acceptLanguage },
          responses: { 200: json('responses.hsdsDataset', hsdsDatasetJson), ...problems(400) },
        },
      },
      [OPENAPI_PATH]: {
        get: {
          ...operation('getOpenApi', 'Documents'),
          responses: { 200: json('responses.document', z.record(z.string(), z.unknown())) },
        },
      },
    },
  });
}

/**
 * The document with every schema marked by `apiWords` described in the words of `t`, and the
 * marks taken out; a parameter takes its schema's description.
 */
function localize<T>(node: T, t: TFunction): T {
  if (Array.isArray(node)) return node.map((n) => localize(n, t)) as T;
  if (!node || typeof node !== 'object') return node;
  const say = t as unknown as (k: string, o?: object) => string;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== API_WORDS && k !== API_VALUES) out[k] = localize(v, t);
  const words = (node as Record<string, unknown>)[API_WORDS];
  if (typeof words === 'string') {
    const values = (node as Record<string, unknown>)[API_VALUES] as string[] | undefined;
    const list = values ? ` ${say('developers.api.params.values', { values: values.join(', '), interpolation: { escapeValue: false } })}` : '';
    out.description = `${say(`developers.api.${words}`)}${list}`;
  }
  const schema = out.schema as { description?: string } | undefined;
  if (typeof out.in === 'string' && schema?.description) out.description = schema.description;
  return out as T;
}

export type OpenApiDocument = ReturnType<typeof build>;
const built = new Map<string, OpenApiDocument>();

/** The document in `locale`, for a server at `publicUrl` (built once for each). */
export function openApiDocument(publicUrl: string, locale: Locale = 'en'): OpenApiDocument {
  const key = `${locale} ${publicUrl}`;
  let doc = built.get(key);
  if (!doc) {
    const t = getT(locale);
    built.set(key, (doc = localize(build(publicUrl, t), t)));
  }
  return doc;
}
