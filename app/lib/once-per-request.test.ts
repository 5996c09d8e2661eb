import { describe, expect, it } from 'vitest';
import routes from '../routes';
import { oncePerRequest } from './once-per-request';
import { FRAMES, PAGES, frameId } from './paths';

describe('oncePerRequest', () => {
  it('loads once for the loaders of one request, and anew for the next request', async () => {
    let loads = 0;
    const who = oncePerRequest(async (args: { request: Request; name: string }) => `${args.name} ${++loads}`);
    const request = new Request('http://cercle.test/en/organize/x');
    const [frame, page] = await Promise.all([who({ request, name: 'a' }), who({ request, name: 'a' })]);
    expect([frame, page]).toEqual(['a 1', 'a 1']);
    expect(await who({ request: new Request('http://cercle.test/en/organize/x'), name: 'b' })).toBe('b 2');
  });

  it('gives every loader of the request the same refusal', async () => {
    let loads = 0;
    const refuse = oncePerRequest(async (_: { request: Request }) => {
      loads++;
      throw new Error('not a member');
    });
    const request = new Request('http://cercle.test/en/organize/x');
    await expect(refuse({ request })).rejects.toThrow('not a member');
    await expect(refuse({ request })).rejects.toThrow('not a member');
    expect(loads).toBe(1);
  });
});

describe('the frames of the route table', () => {
  it('puts every page of an organization but its door check-in, and every admin page, inside its frame', () => {
    for (const locale of ['en', 'fr'] as const) {
      const childrenOf = (frame: keyof typeof FRAMES) => routes.find((r) => r.id === frameId(locale, frame))?.children?.map((c) => c.path) ?? [];
      const organizerPaths = Object.values(PAGES)
        .map((p) => p[locale])
        .filter((path) => path.startsWith(`${PAGES.orgHome[locale]}`) && path !== PAGES.orgCheckIn[locale]);
      expect(childrenOf('organize').sort()).toEqual(organizerPaths.sort());
      expect(childrenOf('admin').sort()).toEqual(Object.values(PAGES).map((p) => p[locale]).filter((path) => path.startsWith(PAGES.admin[locale])).sort());
    }
  });
});
