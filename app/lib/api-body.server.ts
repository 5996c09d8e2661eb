import type { TFunction } from 'i18next';
import { apiError } from './query.server';
import { signupErrors } from './signup.server';
import { CoreError } from '../../core/errors';

/** Reads a JSON object body; anything else is reported, not thrown. */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: Record<string, unknown> & { locale?: unknown } } | { ok: false; value?: undefined }> {
  try {
    const value: unknown = await request.json();
    if (value && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
  } catch {
    // fall through
  }
  return { ok: false };
}

/** A core error as a JSON API error: `{ error: { code, message, issues? } }` with its status. */
export function apiCoreError(err: unknown, t: TFunction): Response {
  if (!(err instanceof CoreError)) throw err;
  const e = signupErrors(err, t);
  const issues = err.issues.map((i) => ({
    param: i.path,
    message: e.fields[i.path.startsWith('answers.') ? `answer.${i.path.slice(8)}` : i.path] ?? i.message,
  }));
  return apiError(e.status, err.code, e.message, issues.length ? issues : undefined);
}

/** Whether a path parameter can be an id at all (anything else is simply not found). */
export function isUuid(value: string | undefined): value is string {
  return !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
