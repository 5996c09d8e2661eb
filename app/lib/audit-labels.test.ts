import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getI18n } from '../../i18n';
import { auditActionKey, auditActionLabel, auditEntityLabel } from './audit-labels';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

// Actions written with a template literal, and every value the template can take. A new
// template in core fails the test below until it is listed here (and labelled).
const TEMPLATES: Record<string, string[]> = {
  'application.${status}': ['application.applied', 'application.accepted', 'application.waitlisted', 'application.declined'],
  'cohort.${status}': ['cohort.confirmed', 'cohort.postponed'],
  'licence.${status}': ['licence.verified', 'licence.rejected'],
  'listing_report.${q.outcome}': ['listing_report.resolved', 'listing_report.dismissed'],
};

/** Every audit action core code writes: the string literals and templates after `action:`. */
function actionsWrittenByCore(): { actions: Set<string>; unknownTemplates: string[] } {
  const actions = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of sourceFiles(path.resolve('core'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, rest] of text.matchAll(/\baction:\s*([^\n]*)/g)) {
      for (const [, literal] of rest!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(literal!);
      for (const [, template] of rest!.matchAll(/`([^`]*\$\{[^`]*)`/g)) {
        const values = TEMPLATES[template!];
        if (values) values.forEach((v) => actions.add(v));
        else unknownTemplates.push(`${path.relative(process.cwd(), file)}: ${template}`);
      }
    }
  }
  return { actions, unknownTemplates };
}

describe('audit log labels', () => {
  it('has a label in both languages for every action core code writes', () => {
    const { actions, unknownTemplates } = actionsWrittenByCore();
    expect(unknownTemplates).toEqual([]);
    // The scan itself works: well-known actions of each area are found.
    for (const known of ['organization.created', 'member.role_changed', 'group.published', 'schedule.created', 'session.cancelled', 'licence.submitted', 'user.platform_admin_created']) {
      expect(actions).toContain(known);
    }
    expect(actions.size).toBeGreaterThan(45);
    const missing = [...actions].flatMap((action) =>
      (['en', 'fr'] as const).filter((locale) => !getI18n(locale).exists(auditActionKey(action))).map((locale) => `${locale}: ${action}`),
    );
    expect(missing).toEqual([]);
  });

  it('has a label for every kind of thing an entry touches', () => {
    const types = new Set<string>();
    for (const file of sourceFiles(path.resolve('core'))) {
      for (const [, type] of readFileSync(file, 'utf8').matchAll(/\bentityType:\s*'([a-z_]+)'/g)) types.add(type!);
    }
    expect(types.size).toBeGreaterThan(8);
    for (const type of types) {
      expect(auditEntityLabel('en', type), type).not.toBe(type);
      expect(auditEntityLabel('fr', type), type).not.toBe(type);
    }
  });

  it('reads well, in English and French, and says so when an action has no label yet', () => {
    expect(auditActionLabel('en', 'group.published')).toBe('Published a group');
    expect(auditActionLabel('fr', 'group.published')).toBe('A publié un groupe');
    expect(auditActionLabel('en', 'group.unpublished', { reason: 'licence_not_verified' })).toBe(
      'Took a group back to draft (no verified licence any more)',
    );
    expect(auditActionLabel('en', 'group.unpublished', { from: 'published' })).toBe('Took a group back to draft');
    expect(auditActionLabel('en', 'x.y')).toBe('Other change (x.y)');
    expect(auditActionLabel('fr', 'something.new')).toBe('Autre changement (something.new)');
    expect(auditEntityLabel('fr', 'schedule')).toBe('Horaire');
    expect(auditEntityLabel('en', 'mystery')).toBe('mystery');
  });
});
