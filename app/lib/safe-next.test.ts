import { describe, expect, it } from 'vitest';
import { safeNext } from './account.server';

const SITE = 'https://cercle.example.org';
const next = (path: string | null) => safeNext(path, '/en/organize', SITE);

describe('following `next` after signing in', () => {
  it('keeps paths of this site, with their query and fragment', () => {
    expect(next('/en/organize/org-1/dashboard')).toBe('/en/organize/org-1/dashboard');
    expect(next('/fr/organiser?done=saved#top')).toBe('/fr/organiser?done=saved#top');
    expect(next('/en/groups/caf%C3%A9')).toBe('/en/groups/caf%C3%A9');
  });

  it('refuses every known way to another site', () => {
    for (const bad of [
      null,
      '',
      '//evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/%2F/evil.example',
      '/%2fevil.example',
      '/%5Cevil.example',
      '/..//evil.example',
      '/./\t/evil.example',
      'https://evil.example/en/organize',
      'javascript:alert(1)',
      ' /en/organize',
      'en/organize',
    ]) {
      expect(next(bad), JSON.stringify(bad)).toBe('/en/organize');
    }
  });
});
