import express, { type NextFunction, type Request, type Response } from 'express';
import type { TFunction } from 'i18next';
import type { Database } from '../db/client';
import type { Context, Settings } from '../core/context';
import { requestContext } from '../app/lib/context.server';
import { CoreError, RateLimited } from '../core/errors';
import { registerForSession } from '../core/registrations/register-for-session';
import { applyToCohort } from '../core/applications/apply-to-cohort';
import { cancelRegistration } from '../core/participants/cancel-registration';
import { isUuid } from '../core/text';
import { getT, isLocale, negotiateLocale, type Locale } from '../i18n';
import { personField, signupErrors } from '../app/lib/signup.server';
import { problemBody, PROBLEM_TYPE } from '../app/lib/problem.server';

/**
 * The JSON endpoints through which people join and leave groups:
 *
 * - `POST /api/v1/sessions/:id/registrations` — `{ name, email, consent: true, answers?, age?, region?, locale? }`
 *   → 201 `{ id, status: "confirmed" | "waitlisted", position?, manage_url }`. A full session is not
 *   an error: the person is waitlisted.
 * - `POST /api/v1/cohorts/:id/applications` — the same fields and `commitment: true`
 *   → 201 `{ id, status: "applied" | "accepted" | "waitlisted", position?, manage_url }`.
 * - `POST /api/v1/registrations/:id/cancel` — `{ token }` from a manage link → 200 `{ cancelled, promoted }`.
 *
 * Errors are JSON problems (`application/problem+json`: `title`, `status`, `detail`, and
 * `error: { code, message, issues? }`) with a 4xx status, in the language of the body's `locale`
 * or else of `Accept-Language`. These are the busiest writes of the app, so Express
 * serves them itself: going through the page framework's request and response objects cost a
 * fifth of the sign-up's time in the app process (docs/benchmarks.md).
 */
export function participantApi(deps: () => { db: Database; settings: Settings; rateLimits: boolean }): express.Router {
  const router = express.Router();
  const endpoint =
    (run: (ctx: Context, id: string, body: Body) => Promise<{ status: number; body: unknown }>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      const body = isObject(req.body) ? (req.body as Body) : undefined;
      const locale = requestLocale(req, body);
      const t = getT(locale);
      const id = req.params.id;
      if (!isUuid(id)) return sendError(res, t, 404, 'not_found', t('signup.errors.notFound'));
      if (!body) return sendError(res, t, 400, 'invalid', t('signup.errors.badJson'));
      try {
        // The client's address (through TRUST_PROXY, see server/app.ts) for the per-address limits.
        const result = await run(requestContext({ ...deps(), ip: req.ip }, locale), id, body);
        res.status(result.status).json(result.body);
      } catch (err) {
        if (!(err instanceof CoreError)) return next(err);
        if (err instanceof RateLimited) res.set('Retry-After', String(err.retryAfterSeconds));
        const e = coreErrorBody(err, t);
        sendError(res, t, e.status, err.code, e.message, e.issues);
      }
    };

  const routes: [ParticipantApiPath, ReturnType<typeof endpoint>][] = [
    [
      '/api/v1/sessions/:id/registrations',
      endpoint(async (ctx, id, body) => {
        const r = await registerForSession({ ctx, input: { ...body, sessionId: id } as never });
        return { status: 202, body: checkEmail(r.answer) };
      }),
    ],
    [
      '/api/v1/cohorts/:id/applications',
      endpoint(async (ctx, id, body) => {
        const r = await applyToCohort({ ctx, input: { ...body, cohortId: id } as never });
        return { status: 202, body: checkEmail(r.answer) };
      }),
    ],
    [
      '/api/v1/registrations/:id/cancel',
      endpoint(async (ctx, id, body) => {
        const r = await cancelRegistration({ ctx, input: { token: String(body.token ?? ''), registrationId: id } });
        return { status: 200, body: { cancelled: r.cancelled, promoted: r.promoted.length } };
      }),
    ],
  ];
  // Any content type is read as JSON (clients often leave it out); a body that is not JSON, or
  // too large, is answered below with a localized 4xx.
  const json = express.json({ type: () => true, limit: '64kb' });
  for (const [path, handler] of routes) {
    router.post(path, json, handler);
    router.all(path, (req, res) => {
      res.set('Allow', 'POST');
      const t = getT(requestLocale(req));
      sendError(res, t, 405, 'invalid', t('signup.errors.postOnly'));
    });
  }
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    const status = (err as { status?: unknown }).status;
    if (typeof status !== 'number' || status < 400 || status >= 500) return next(err);
    const t = getT(requestLocale(req));
    const tooLarge = (err as { type?: string }).type === 'entity.too.large';
    sendError(res, t, status, 'invalid', tooLarge ? t('signup.errors.tooLarge') : t('signup.errors.badJson'));
  });
  return router;
}

type Body = Record<string, unknown> & { locale?: unknown; token?: unknown };

/** The addresses this router serves (each described in the OpenAPI document). */
export const PARTICIPANT_API_PATHS = ['/api/v1/sessions/:id/registrations', '/api/v1/cohorts/:id/applications', '/api/v1/registrations/:id/cancel'] as const;
type ParticipantApiPath = (typeof PARTICIPANT_API_PATHS)[number];

/**
 * The answer to every valid sign-up or application, whatever the address (decision 0010): what
 * happened, and the link to the person's place, go to the address only.
 */
function checkEmail(answer: { status: 'check_email'; expiresIn: number }) {
  return { status: answer.status, expires_in: answer.expiresIn };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function requestLocale(req: Request, body?: Body): Locale {
  return isLocale(body?.locale) ? body.locale : negotiateLocale(req.get('accept-language'));
}

function sendError(res: Response, t: TFunction, status: number, code: string, message: string, issues?: { param: string; message: string }[]) {
  res.status(status).type(PROBLEM_TYPE).send(JSON.stringify(problemBody(t, status, code, message, issues)));
}

/** A core error's status, sentence and per-field issues, localized (the forms' messages). */
function coreErrorBody(err: CoreError, t: TFunction) {
  const e = signupErrors(err, t);
  const issues = err.issues.map((i) => ({ param: i.path, message: e.fields[personField(i.path)] ?? i.message }));
  return { status: e.status, message: e.message, issues };
}
