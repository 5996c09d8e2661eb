import { describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { RouteConfigEntry } from '@react-router/dev/routes';
import routes from '../routes';
import { PARTICIPANT_API_PATHS } from '../../server/participant-api';
import { openApiDocument } from './openapi.server';
import { apiContract } from '../../tests/support/api-contract';

const doc = openApiDocument('https://cercle.example.org');

describe('the OpenAPI document', () => {
  it.each(['en', 'fr'] as const)('passes Redocly’s validator with its recommended rules (%s)', async (locale) => {
    const config = await createConfig({ extends: ['recommended'] });
    const source = JSON.stringify(openApiDocument('https://cercle.example.org', locale));
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    // The one warning: the document itself has no way to fail.
    expect(problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}`)).toEqual([
      'warn operation-4xx-response at #/paths/~1api~1v1~1openapi.json/get/responses',
    ]);
  });

  it('is worded in the reader’s language, each parameter described', () => {
    const fr = openApiDocument('https://cercle.example.org', 'fr');
    const search = fr.paths!['/api/v1/groups']!.get!;
    expect(search.summary).toBe('Chercher des groupes');
    const kind = search.parameters!.find((p) => 'name' in p && p.name === 'kind') as { description: string };
    expect(kind.description).toBe('Types de groupes. Une ou plusieurs valeurs parmi : support_group, group_therapy, workshop, online_community.');
    for (const d of [doc, fr]) {
      expect(JSON.stringify(d)).not.toMatch(/x-words|x-values|developers\.api/);
      const params = Object.values(d.paths!).flatMap((item) => Object.values(item!).flatMap((op) => (op as { parameters?: { description?: string }[] }).parameters ?? []));
      expect(params.length).toBeGreaterThan(30);
      expect(params.filter((p) => !p.description)).toEqual([]);
    }
  });

  it('reports a broken document (a response without its description)', async () => {
    const broken = structuredClone(doc) as { paths: Record<string, { get?: { responses: Record<string, { description?: string }> } }> };
    delete broken.paths['/api/v1/groups']!.get!.responses['200']!.description;
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(broken), absoluteRef: 'openapi.json', config });
    expect(problems.some((p) => p.severity === 'error' && p.location[0]?.pointer === '#/paths/~1api~1v1~1groups/get/responses/200')).toBe(true);
  });

  it('describes every address of the API', async () => {
    const flat = (entries: RouteConfigEntry[]): string[] => entries.flatMap((r) => [r.path ?? '', ...flat(r.children ?? [])]);
    const served = [...flat(await routes).map((p) => `/${p}`), ...PARTICIPANT_API_PATHS].filter((p) => p.startsWith('/api/'));
    expect(served.length).toBeGreaterThan(5);
    const described = Object.keys(doc.paths ?? {});
    expect(served.map((p) => p.replace(/:(\w+)/g, '{$1}')).sort()).toEqual([...described].sort());
  });

  it('is what the tests hold every answer of the API to', () => {
    const contract = apiContract(doc);
    const answer = { method: 'POST', url: 'http://x/api/v1/registrations/4a7e1d52-0b8e-4c1a-9d55-3f3b8f0e2a11/cancel', contentType: 'application/json' };
    expect(contract.check({ ...answer, status: 200, body: JSON.stringify({ cancelled: true, promoted: 0 }) })).toBeNull();
    // A field the document does not name (a leak), a status it does not list, another content type.
    expect(contract.check({ ...answer, status: 200, body: JSON.stringify({ cancelled: true, promoted: 0, email: 'a@b.c' }) })).toMatch(/additional/);
    expect(contract.check({ ...answer, status: 500, body: '{}' })).toMatch(/status not documented/);
    expect(contract.check({ ...answer, status: 200, contentType: 'text/html', body: '<p>' })).toMatch(/content type text\/html/);
    expect(contract.check({ ...answer, url: 'http://x/api/v1/nothing', status: 404, body: '{}' })).toMatch(/no path/);
  });
});
