import crypto from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { isPrivatePage, PAGES, pathPattern, type Page } from '../app/lib/paths';
import appCss from '../app/app.css?inline';

// The headers every answer carries (helmet): a Content-Security-Policy that lets scripts run only
// from Cercle's own files or with the nonce of this response (React Router's and React's inline
// scripts get it, app/entry.server.tsx), and the page's one inline style sheet by its hash; no
// framing; no sniffing; referrers kept within the site; powerful browser features off. Pages that
// show a person's own data or an organizer's are never stored by a browser or a proxy.

/** The hash of the style sheet written inside every page (app/root.tsx), for the policy. */
export const STYLE_HASH = `'sha256-${crypto.createHash('sha256').update(appCss).digest('base64')}'`;

/** Browser features Cercle never uses, turned off for its pages and anything they could embed. */
export const PERMISSIONS_POLICY = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics', 'interest-cohort'].map((f) => `${f}=()`).join(', ');

const PRIVATE_PATHS = (Object.keys(PAGES) as Page[])
  .filter(isPrivatePage)
  .flatMap((p) => [PAGES[p].en, PAGES[p].fr])
  .map((path) => pathPattern(path, '(\\.data)?'));

/** The embeddable widget's addresses (app/routes.ts). */
const EMBED_PATHS = ['/en/embed/:org', '/fr/integration/:org'].map((path) => pathPattern(path));

/** Whether a path is one of the pages that must not be stored (with their data requests). */
export function isPrivatePath(path: string): boolean {
  return path.startsWith('/api/auth/') || PRIVATE_PATHS.some((p) => p.test(path));
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** This response's nonce for inline scripts (Content-Security-Policy). */
    cspNonce: string;
  }
}

export function securityHeaders(options: { https: boolean; development: boolean }): RequestHandler {
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      // In development, Vite's hot reload injects scripts of its own: the policy only reports there.
      reportOnly: options.development,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", (_req, res) => `'nonce-${(res as unknown as Response).locals.cspNonce}'`],
        'style-src': ["'self'", STYLE_HASH],
        'img-src': ["'self'"],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        // No page of Cercle may be framed (the embeddable widget has its own policy, below).
        'frame-ancestors': ["'none'"],
        ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // HSTS only where Cercle is served over HTTPS (PUBLIC_URL): over plain HTTP it would be ignored,
    // and on localhost it would break other local sites.
    strictTransportSecurity: options.https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  // The embeddable widget (app/routes/embed-organization.tsx) is meant to be framed by any site: it
  // runs no script, loads nothing, and its one style sheet carries the response's nonce.
  const embedPolicy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      reportOnly: options.development,
      directives: {
        'default-src': ["'none'"],
        'style-src': [(_req, res) => `'nonce-${(res as unknown as Response).locals.cspNonce}'`],
        'img-src': ["'self'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'frame-ancestors': ['*'],
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: false,
    crossOriginEmbedderPolicy: false,
  });
  return (req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64');
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    // Set first: a route that says otherwise (an image's own caching) has the last word.
    if (isPrivatePath(req.path)) res.setHeader('Cache-Control', 'no-store');
    (EMBED_PATHS.some((p) => p.test(req.path)) ? embedPolicy : policy)(req, res, next);
  };
}
