import { describe, expect, it } from 'vitest';
import { resolvePlace } from './gazetteer';

describe('resolvePlace', () => {
  it('finds Canadian cities whatever the accents and case', () => {
    for (const [text, name, region] of [
      ['Ottawa', 'Ottawa', 'ON'],
      ['gatineau', 'Gatineau', 'QC'],
      ['Montreal', 'Montréal', 'QC'],
      ['MONTRÉAL', 'Montréal', 'QC'],
      ['Toronto', 'Toronto', 'ON'],
      ['St Catharines', 'St. Catharines', 'ON'],
      ['Quebec City', 'Québec', 'QC'],
    ] as const) {
      expect(resolvePlace({ text })?.place, text).toMatchObject({ name, region, country: 'CA' });
    }
    expect(resolvePlace({ text: 'Ottawa' })?.place.latitude).toBeCloseTo(45.41, 1);
  });

  it('prefers Canada for an ambiguous name and lets a province or state pick another', () => {
    const london = resolvePlace({ text: 'London' });
    expect(london?.place).toMatchObject({ region: 'ON', country: 'CA' });
    expect(london?.alternatives.map((p) => p.region)).toContain('KY');
    expect(resolvePlace({ text: 'London, KY' })?.place).toMatchObject({ region: 'KY', country: 'US' });
    expect(resolvePlace({ text: 'Kingston, Nova Scotia' })?.place).toMatchObject({ region: 'NS' });
    expect(resolvePlace({ text: 'Kingston' })?.place).toMatchObject({ region: 'ON' });
    expect(resolvePlace({ text: 'Springfield, IL' })?.place).toMatchObject({ country: 'US', region: 'IL' });
  });

  it('returns null for an unknown place or a wrong region', () => {
    expect(resolvePlace({ text: 'Zzyzx Nowhere' })).toBeNull();
    expect(resolvePlace({ text: 'Gatineau, ON' })).toBeNull();
  });
});
