import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { isPrivatePath, securityHeaders } from './security-headers';

/** The headers an app with the security headers answers with, for one path. */
async function headersOf(options: { https: boolean; development: boolean }, path: string) {
  const app = express();
  app.use(securityHeaders(options));
  app.use((_req, res) => res.send(res.locals.cspNonce));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return { headers: res.headers, nonce: await res.text() };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('security headers', () => {
  it('add HSTS and upgrade requests only where Cercle is served over HTTPS', async () => {
    const https = await headersOf({ https: true, development: false }, '/en');
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(https.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const http = await headersOf({ https: false, development: false }, '/en');
    expect(http.headers.get('strict-transport-security')).toBeNull();
    expect(http.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });

  it('put the nonce handed to the page in the policy; in development the policy only reports', async () => {
    const prod = await headersOf({ https: false, development: false }, '/en');
    expect(prod.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(prod.headers.get('content-security-policy')).toContain(`'nonce-${prod.nonce}'`);
    const dev = await headersOf({ https: false, development: true }, '/en');
    expect(dev.headers.get('content-security-policy')).toBeNull();
    expect(dev.headers.get('content-security-policy-report-only')).toContain(`'nonce-${dev.nonce}'`);
  });

  it('name the private pages and their data requests, in both languages', () => {
    for (const path of ['/en/manage/abc', '/fr/gerer/abc.data', '/fr/desabonnement/t', '/en/account', '/fr/compte/connexion', '/en/organize/org/groups/g', '/fr/organiser', '/en/admin', '/fr/groupes/g/communaute', '/api/auth/sign-in/email']) {
      expect(isPrivatePath(path), path).toBe(true);
    }
    for (const path of ['/en', '/fr/groupes', '/en/groups/g', '/fr/groupes/g/rencontres/s/inscription', '/en/manage', '/api/v1/groups']) {
      expect(isPrivatePath(path), path).toBe(false);
    }
  });
});
