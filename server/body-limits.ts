import type { Request, RequestHandler } from 'express';
import { getT, negotiateLocale, type Locale } from '../i18n';
import { PAGES, pathPattern } from '../app/lib/paths';
import { POST_BODY_LIMIT, IMAGE_MAX_BYTES } from '../core/communities/images';
import { problemBody, PROBLEM_TYPE } from '../app/lib/problem.server';

// How much a request may send, decided from its headers before anything reads its body: a form of
// Cercle is a few kilobytes, so a large body is refused (413) at once and never kept. The one
// route that takes images has its own, larger limit. A body whose length is not declared
// (chunked) is refused (411) except on the JSON API, whose parser counts as it reads
// (`express.json` with its own limit, server/participant-api.ts).

/** The largest form body: the longest texts of the editor in both languages fit several times. */
export const FORM_BODY_LIMIT = 256 * 1024;

/** What is dropped unread after a refusal before the connection is closed. */
export const DISCARD_LIMIT = 64 * 1024 * 1024;

const UPLOADS = [PAGES.communityNewPost.en, PAGES.communityNewPost.fr].map((path) => pathPattern(path));

export type BodyLimit = { bytes: number; upload: boolean };

/** The limit of a path: the form limit, or the upload route's. */
export function bodyLimitOf(path: string): BodyLimit {
  return UPLOADS.some((p) => p.test(path)) ? { bytes: POST_BODY_LIMIT, upload: true } : { bytes: FORM_BODY_LIMIT, upload: false };
}

function localeOf(req: Request): Locale {
  if (req.path.startsWith('/fr/') || req.path === '/fr') return 'fr';
  if (req.path.startsWith('/en/') || req.path === '/en') return 'en';
  return negotiateLocale(req.get('accept-language'));
}

export function bodyLimits(): RequestHandler {
  return (req, res, next) => {
    const declared = req.get('content-length');
    const chunked = req.get('transfer-encoding') !== undefined;
    if (declared === undefined && !chunked) return next();
    const api = req.path.startsWith('/api/v1/');
    const limit = bodyLimitOf(req.path);
    let status: 411 | 413 | undefined;
    if (declared !== undefined) {
      if (Number(declared) > limit.bytes) status = 413;
    } else if (!api) status = 411;
    if (status === undefined) return next();
    const t = getT(localeOf(req));
    const message =
      status === 411
        ? t('errors.lengthRequired')
        : limit.upload
          ? t('community.images.tooLarge', { megabytes: IMAGE_MAX_BYTES / 1024 / 1024 })
          : api
            ? t('signup.errors.tooLarge')
            : t('errors.bodyTooLarge', { kilobytes: Math.round(limit.bytes / 1024) });
    // Nothing keeps the body: what arrives is dropped as it comes (a client reads the answer more
    // surely than when the connection is cut under it), up to DISCARD_LIMIT, after which the
    // connection is closed.
    let dropped = 0;
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DISCARD_LIMIT) req.socket.destroy();
    });
    if (api) res.status(status).type(PROBLEM_TYPE).send(JSON.stringify(problemBody(t, status, 'invalid', message)));
    else res.status(status).type('text/plain; charset=utf-8').send(message);
  };
}
