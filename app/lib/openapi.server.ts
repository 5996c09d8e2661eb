import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { registerForSessionInput } from '../../core/registrations/register-for-session';
import { applyToCohortInput } from '../../core/applications/apply-to-cohort';
import { cancelRegistrationInput } from '../../core/participants/cancel-registration';
import { groupSearchQuery } from './group-query';
import {
  cancelJsonSchema,
  checkEmailJsonSchema,
  groupJsonSchema,
  groupSearchJsonSchema,
  localeJson,
  problemJsonSchema,
} from './api-schemas.server';

// The OpenAPI 3.1 description of Cercle's public API, generated from the zod schemas the endpoints
// read their input with and the serializers' answers are typed by: nothing here repeats a field.
// Served at /api/v1/openapi.json and drawn at /en/developers and /fr/developpeurs.

export const OPENAPI_PATH = '/api/v1/openapi.json';

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

const json = (description: string, schema: z.ZodType, type = JSON_TYPE) => ({ description, content: { [type]: { schema } } });

const PROBLEMS = {
  400: 'The request is not valid: `error.issues` names each parameter or field and what is wrong with it.',
  403: 'Not allowed.',
  404: 'Nothing of that id is published.',
  405: 'The method is not allowed on this address (`Allow` names the one that is).',
  409: 'The session or cohort no longer takes this (full without a waiting list, closed, cut-off passed).',
  413: 'The body is too large.',
  415: 'The body is in a character set or an encoding the API does not read (send UTF-8 JSON).',
  422: 'The person does not meet the group’s conditions (age, region).',
  429: 'Too many requests from this address or for this person: `Retry-After` says when to try again.',
} as const;
type ProblemStatus = keyof typeof PROBLEMS;

const problems = (...statuses: ProblemStatus[]): ZodOpenApiResponsesObject =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        ...json(PROBLEMS[s], problemJsonSchema, PROBLEM_TYPE),
        ...(s === 429 ? { headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }) } : {}),
      },
    ]),
  );

const idParam = (what: string) => z.object({ id: z.uuid().meta({ description: `The ${what}’s id.` }) });
const acceptLanguage = z.object({
  'accept-language': z.string().optional().meta({ description: 'The language of messages (`en` or `fr`); `locale` in a body wins.' }),
});

/** A JSON endpoint that people join or leave through: POST, its body, its answers. */
function post(operationId: string, summary: string, what: string, body: z.ZodType, ok: ZodOpenApiResponsesObject, extra: ProblemStatus[]): ZodOpenApiOperationObject {
  return {
    operationId,
    summary,
    tags: ['Joining'],
    requestParams: { path: idParam(what), header: acceptLanguage },
    requestBody: { required: true, content: { [JSON_TYPE]: { schema: body } } },
    responses: { ...ok, ...problems(400, 404, 405, 413, 415, ...extra, 429) },
  };
}

const signUpBody = registerForSessionInput.omit({ sessionId: true }).extend({ locale: localeJson.optional() }).meta({ id: 'SignUp' });
const applicationBody = applyToCohortInput.omit({ cohortId: true }).extend({ locale: localeJson.optional() }).meta({ id: 'Application' });
const cancelBody = cancelRegistrationInput.omit({ registrationId: true }).extend({ locale: localeJson.optional() }).meta({ id: 'CancelRequest' });

const checkEmail = {
  202: json(
    'Received. The person is sent an email: following its link confirms the place (or the place in line); until then it is held for `expires_in` seconds.',
    checkEmailJsonSchema,
  ),
};

function build(serverUrl: string) {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Cercle API',
      version: '1.0.0',
      description:
        'Find published support groups, their sessions and cohorts, and join them. Read endpoints need no key. ' +
        'Answers are JSON; errors are RFC 9457 problems in English or French (`Accept-Language`). ' +
        'Online meeting links are never in the API: confirmed participants get them by email.',
      license: { name: 'Data: CC BY 4.0', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: serverUrl }],
    // No key: reading is open to anyone, and joining is proven by the emailed link.
    security: [],
    tags: [
      { name: 'Groups', description: 'Search and read published groups.' },
      { name: 'Joining', description: 'Sign up for a session, apply to a cohort, cancel.' },
      { name: 'Documents', description: 'This description.' },
    ],
    paths: {
      '/api/v1/groups': {
        get: {
          operationId: 'searchGroups',
          summary: 'Search groups',
          description:
            'Words (read as topics and kinds of group, with typos corrected), filters, a place, an order and pages, with how many groups each filter value would find. ' +
            'A filter with several values is a comma list or a repeated parameter.',
          tags: ['Groups'],
          requestParams: { query: groupSearchQuery, header: acceptLanguage },
          responses: { 200: json('A page of matching groups.', groupSearchJsonSchema), ...problems(400) },
        },
      },
      '/api/v1/groups/{id}': {
        get: {
          operationId: 'getGroup',
          summary: 'A group',
          description: 'One published group with its upcoming sessions, cohorts and schedules.',
          tags: ['Groups'],
          requestParams: { path: z.object({ id: z.string().meta({ description: 'The group’s id, or its English or French slug.' }) }) },
          responses: { 200: json('The group.', groupJsonSchema), ...problems(404) },
        },
      },
      '/api/v1/sessions/{id}/registrations': {
        post: post('signUp', 'Sign up for a session', 'session', signUpBody, checkEmail, [409, 422]),
      },
      '/api/v1/cohorts/{id}/applications': {
        post: post('applyToCohort', 'Apply to a cohort', 'cohort', applicationBody, checkEmail, [409, 422]),
      },
      '/api/v1/registrations/{id}/cancel': {
        post: post(
          'cancelRegistration',
          'Cancel a registration',
          'registration',
          cancelBody,
          { 200: json('Cancelled (or already cancelled); the next people waiting were moved up.', cancelJsonSchema) },
          [],
        ),
      },
      [OPENAPI_PATH]: {
        get: {
          operationId: 'getOpenApi',
          summary: 'This description',
          tags: ['Documents'],
          responses: { 200: json('The OpenAPI 3.1 document.', z.record(z.string(), z.unknown())) },
        },
      },
    },
  });
}

const built = new Map<string, ReturnType<typeof build>>();

/** The document, for a server at `publicUrl` (built once per address). */
export function openApiDocument(publicUrl: string) {
  let doc = built.get(publicUrl);
  if (!doc) built.set(publicUrl, (doc = build(publicUrl)));
  return doc;
}
