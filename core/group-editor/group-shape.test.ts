import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, groups } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createMember, createOrganization } from '../../tests/support/factories';
import { getI18n } from '../../i18n';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import { applicableChanges, applies, clearInapplicable, CONDITIONAL, type GroupShape } from './applicable';
import { FAITHS, GROUP_LANGUAGES, TIME_ZONES, titleLanguages, zoneForRegion } from './choices';
import { defaultTimeZone } from './default-time-zone';
import { languageCode, NEW_GROUP_DEFAULTS, titleLanguageIssues, withTitleLanguages, type GroupColumns } from './group-input';
import { isTimeZone } from './values';
import { createGroup as createDraft, updateGroup } from './index';

// What applies to which kind of group, the languages a group's titles imply, and the lists the
// editor offers. The pure rules first, then the same rules through the core actions, on a database.

const NOW = new Date('2026-10-01T16:00:00Z');
const peerDropIn: GroupShape = { kind: 'support_group', format: 'drop_in', delivery: 'in_person', costType: 'free', reach: 'anywhere' };

describe('which attributes apply to a group', () => {
  it('shows a free peer drop-in neither fees, insurance receipts, treatment focus, materials, rules nor an online link', () => {
    for (const field of ['feeCents', 'feeCurrency', 'feePer', 'suggestedDonationCents', 'insuranceReceipts', 'coveredByEn', 'treatmentFocusEn', 'materialsFr', 'rulesEn', 'autoApprove', 'onlineUrl', 'cameraOptional', 'regions', 'waitlistPromotion', 'autoAccept', 'workshopActivity']) {
      expect(applies(field, peerDropIn), field).toBe(false);
    }
    for (const field of ['titleEn', 'descriptionFr', 'dropInStyle', 'street', 'city', 'signupCutoffMinutes', 'sessionCapacity', 'noNeedToTalk', 'languages', 'faith', 'timeZone']) {
      expect(applies(field, peerDropIn), field).toBe(true);
    }
  });

  it('follows each choice: format, kind, cost, delivery and reach', () => {
    const closedTherapy: GroupShape = { kind: 'group_therapy', format: 'closed', delivery: 'online', costType: 'fee', reach: 'local' };
    expect(['feeCents', 'insuranceReceipts', 'treatmentFocusEn', 'intakeScreening', 'autoAccept', 'waitlistPromotion', 'onlineUrl', 'cameraOptional', 'regions'].every((f) => applies(f, closedTherapy))).toBe(true);
    expect(['dropInStyle', 'signupCutoffMinutes', 'sessionCapacity', 'street', 'venueName', 'noNeedToTalk', 'suggestedDonationCents'].some((f) => applies(f, closedTherapy))).toBe(false);
    const community: GroupShape = { kind: 'online_community', format: 'ongoing', delivery: 'online', costType: 'pay_what_you_can', reach: 'anywhere' };
    expect(['rulesFr', 'autoApprove', 'suggestedDonationCents', 'insuranceReceipts'].every((f) => applies(f, community))).toBe(true);
    expect(['reminderHours', 'attendanceTracked', 'feeCents', 'street'].some((f) => applies(f, community))).toBe(false);
    expect(applies('materialsEn', { ...peerDropIn, kind: 'workshop' })).toBe(true);
    expect(applies('onlineUrl', { ...peerDropIn, delivery: 'hybrid' }) && applies('street', { ...peerDropIn, delivery: 'hybrid' })).toBe(true);
  });

  it('leaves what does not apply out of a form’s changes, junk included', () => {
    const changes = { titleEn: 'Circle', feeCents: Number.NaN, insuranceReceipts: true, treatmentFocusEn: 'Goals', sessionCapacity: 8 };
    expect(applicableChanges(changes, peerDropIn)).toEqual({ titleEn: 'Circle', sessionCapacity: 8 });
  });

  it('clears leftovers that do not apply, and keeps settings that come back with the format', () => {
    const stored = {
      ...NEW_GROUP_DEFAULTS,
      kind: 'support_group',
      leadership: 'peer',
      format: 'closed',
      delivery: 'in_person',
      timeZone: 'America/Toronto',
      titleEn: 'Circle',
      titleFr: null,
      dropInStyle: 'topic',
      insuranceReceipts: true,
      coveredByEn: 'Most plans',
      treatmentFocusEn: 'Skills',
      materialsFr: 'Crayons',
      cameraOptional: true,
      autoApprove: true,
      autoAccept: true,
      signupCutoffMinutes: 120,
      sessionCapacity: 9,
    } satisfies GroupColumns;
    const out = clearInapplicable(stored);
    expect(out).toMatchObject({
      dropInStyle: null,
      insuranceReceipts: false,
      coveredByEn: null,
      treatmentFocusEn: null,
      materialsFr: null,
      cameraOptional: false,
      autoApprove: false,
      autoAccept: true,
      signupCutoffMinutes: 120,
      sessionCapacity: 9,
      titleEn: 'Circle',
    });
    expect(clearInapplicable({ ...stored, reach: 'anywhere', regions: ['CA-ON'] }).regions).toEqual([]);
  });

  it('names a real attribute in every rule', () => {
    const columns = Object.keys({ ...NEW_GROUP_DEFAULTS, kind: 1, leadership: 1, format: 1, delivery: 1, titleEn: 1, titleFr: 1, timeZone: 1 });
    expect(Object.keys(CONDITIONAL).filter((f) => !columns.includes(f))).toEqual([]);
  });
});

describe('the languages of a group and its titles', () => {
  it('takes the languages of the titles given', () => {
    expect(titleLanguages({ titleEn: 'Circle', titleFr: '  ' })).toEqual(['en']);
    expect(titleLanguages({ titleEn: 'Circle', titleFr: 'Cercle' })).toEqual(['en', 'fr']);
    expect(withTitleLanguages(['es'], { titleEn: null, titleFr: 'Cercle' })).toEqual(['es', 'fr']);
  });

  it('names the mismatch when the languages given leave out a title’s language', () => {
    expect(titleLanguageIssues({ titleEn: 'Circle', titleFr: 'Cercle', languages: ['en'] })).toEqual([{ path: 'languages', message: 'title_language_fr' }]);
    expect(titleLanguageIssues({ titleEn: 'Circle', titleFr: 'Cercle', languages: ['es'] })).toEqual([{ path: 'languages', message: 'title_language_en_fr' }]);
    expect(titleLanguageIssues({ titleEn: null, titleFr: 'Cercle', languages: ['fr', 'ar'] })).toEqual([]);
  });

  it('has a message in both languages for every code it can give', () => {
    for (const locale of ['en', 'fr'] as const) {
      for (const code of ['title_language_en', 'title_language_fr', 'title_language_en_fr', 'languages_required']) {
        expect(getI18n(locale).exists(`editor.errors.${code}`), `${locale} ${code}`).toBe(true);
      }
    }
  });
});

describe('the lists the editor offers', () => {
  it('offers valid languages, faiths and zones, each named in both languages', () => {
    for (const code of GROUP_LANGUAGES) expect(languageCode.safeParse(code).success, code).toBe(true);
    expect(GROUP_LANGUAGES.slice(0, 2)).toEqual(['en', 'fr']);
    expect(TIME_ZONES.every((z) => isTimeZone(z.zone))).toBe(true);
    expect(new Set(TIME_ZONES.map((z) => z.zone)).size).toBe(TIME_ZONES.length);
    for (const locale of ['en', 'fr'] as const) {
      const i18n = getI18n(locale);
      for (const z of TIME_ZONES) expect(i18n.exists(`editor.zone.${z.key}`), `${locale} ${z.key}`).toBe(true);
      for (const f of FAITHS) expect(i18n.exists(`editor.faith.${f}`), `${locale} ${f}`).toBe(true);
    }
    expect(FAITHS[0]).toBe('non_denominational');
  });

  it('knows the usual zone of each province and territory, however it is written', () => {
    expect(zoneForRegion('BC')).toBe('America/Vancouver');
    expect(zoneForRegion('Colombie-Britannique')).toBe('America/Vancouver');
    expect(zoneForRegion('Québec')).toBe('America/Toronto');
    expect(zoneForRegion('CA-NS')).toBe('America/Halifax');
    expect(zoneForRegion(' saskatchewan ')).toBe('America/Regina');
    expect(zoneForRegion('Terre-Neuve-et-Labrador')).toBe('America/St_Johns');
    expect(zoneForRegion('Yukon')).toBe('America/Whitehorse');
    expect(zoneForRegion('Atlantis')).toBeNull();
    expect(zoneForRegion(null)).toBeNull();
  });
});

describe('on the database', () => {
  let t: TestDatabase;
  const as = (userId: string, now = NOW): Context => createContext(t.db, { now, actor: { type: 'user', userId } });
  const rowOf = async (id: string) => (await t.db.select().from(groups).where(eq(groups.id, id)))[0]!;
  const auditCount = async (id: string) => (await t.db.select().from(auditLog).where(eq(auditLog.entityId, id))).length;
  async function failure(p: Promise<unknown>): Promise<CoreError> {
    try {
      await p;
    } catch (err) {
      if (err instanceof CoreError) return err;
      throw err;
    }
    throw new Error('expected the action to fail');
  }
  async function admin() {
    const { user, organizationId } = await createMember(t, 'admin');
    return { organizationId, ctx: as(user.id), userId: user.id };
  }
  const base = { kind: 'support_group', leadership: 'peer', format: 'drop_in', delivery: 'in_person' } as const;

  beforeAll(async () => {
    t = await createTestDatabase({ now: NOW });
  });
  afterAll(async () => {
    await t.close();
  });

  it('saves no insurance receipts, fee or treatment focus on a free peer drop-in, and keeps what still applies', async () => {
    const a = await admin();
    const g = await createGroup(t, {
      organizationId: a.organizationId,
      costType: 'fee',
      feeCents: 2500,
      feeCurrency: 'CAD',
      feePer: 'session',
      insuranceReceipts: true,
      coveredByEn: 'Most extended health plans',
      sessionCapacity: 10,
      signupCutoffMinutes: 180,
      treatmentFocusEn: 'Left from when it was group therapy',
    });
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { costType: 'free' } } });
    expect(await rowOf(g.id)).toMatchObject({
      costType: 'free',
      feeCents: null,
      feeCurrency: null,
      feePer: null,
      insuranceReceipts: false,
      coveredByEn: null,
      treatmentFocusEn: null,
      sessionCapacity: 10,
      signupCutoffMinutes: 180,
    });
    // A closed group keeps the drop-in settings unused, so they come back with the format.
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { format: 'closed', dropInStyle: null } } });
    expect(await rowOf(g.id)).toMatchObject({ format: 'closed', dropInStyle: null, sessionCapacity: 10, signupCutoffMinutes: 180 });
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { format: 'drop_in', dropInStyle: 'topic' } } });
    expect(await rowOf(g.id)).toMatchObject({ format: 'drop_in', dropInStyle: 'topic', sessionCapacity: 10, signupCutoffMinutes: 180 });
  });

  it('refuses languages that leave out a title’s language, says which, and writes nothing', async () => {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId, titleEn: 'Circle', titleFr: 'Cercle', languages: ['en', 'fr'], sessionCapacity: 5 });
    const before = await auditCount(g.id);
    const err = await failure(updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { languages: ['en'], sessionCapacity: 12 } } }));
    expect(err.issues).toEqual([{ path: 'languages', message: 'title_language_fr' }]);
    expect(await rowOf(g.id)).toMatchObject({ languages: ['en', 'fr'], sessionCapacity: 5 });
    expect(await auditCount(g.id)).toBe(before);
    const none = await failure(updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { languages: [] } } }));
    expect(none.issues).toEqual([{ path: 'changes.languages', message: 'languages_required' }]);
    // Removing the French title along with French is consistent.
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { languages: ['en'], titleFr: null } } });
    expect(await rowOf(g.id)).toMatchObject({ languages: ['en'], titleFr: null });
  });

  it('adds the language of a title given without languages', async () => {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId, titleEn: 'Circle', titleFr: null, languages: ['en'] });
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { titleFr: 'Cercle' } } });
    expect((await rowOf(g.id)).languages).toEqual(['en', 'fr']);
  });

  it('creates a group offered in the languages of its titles, and refuses languages that contradict them', async () => {
    const a = await admin();
    const both = await createDraft({ ctx: a.ctx, input: { ...base, organizationId: a.organizationId, titleEn: 'Circle', titleFr: 'Cercle' } });
    expect((await rowOf(both.id)).languages).toEqual(['en', 'fr']);
    const french = await createDraft({ ctx: a.ctx, input: { ...base, organizationId: a.organizationId, titleFr: 'Cercle' } });
    expect((await rowOf(french.id)).languages).toEqual(['fr']);
    const err = await failure(createDraft({ ctx: a.ctx, input: { ...base, organizationId: a.organizationId, titleFr: 'Cercle', languages: ['en'] } }));
    expect(err.issues).toEqual([{ path: 'languages', message: 'title_language_fr' }]);
    // A new group's faith is "none", a readable choice rather than a code to type.
    expect((await rowOf(both.id)).faith).toBe('non_denominational');
  });

  it('starts a new group in the zone of the organization’s latest group, else of its province, else Toronto', async () => {
    const west = await createOrganization(t, { region: 'British Columbia' });
    const plain = await createOrganization(t, { region: null });
    const owner = await createMember(t, 'owner', west.id);
    const other = await createMember(t, 'owner', plain.id);
    const ctx = as(owner.user.id);
    expect(await defaultTimeZone({ ctx, input: { organizationId: west.id } })).toBe('America/Vancouver');
    expect(await defaultTimeZone({ ctx: as(other.user.id), input: { organizationId: plain.id } })).toBe('America/Toronto');
    await createDraft({ ctx: as(owner.user.id, new Date(NOW.getTime() - 60_000)), input: { ...base, organizationId: west.id, titleEn: 'A', timeZone: 'America/Edmonton' } });
    await createDraft({ ctx, input: { ...base, organizationId: west.id, titleEn: 'B', timeZone: 'America/Halifax' } });
    expect(await defaultTimeZone({ ctx, input: { organizationId: west.id } })).toBe('America/Halifax');
    // A stranger to the organization learns nothing.
    const err = await failure(defaultTimeZone({ ctx: as(other.user.id), input: { organizationId: west.id } }));
    expect(err.code).toBe('not_found');
  });
});
