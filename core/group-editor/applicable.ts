// Which attributes of a group apply to its shape (kind, format, delivery, cost, reach): the
// editor shows only those, the form sends only those, and a saved group keeps no value of an
// attribute that does not apply to it (an insurance receipt on a free group, a street for an
// online group). Pure, with no imports: the editor page uses it in the browser too.

/** The choices that decide which other attributes a group has. */
export interface GroupShape {
  kind: string;
  format: string;
  delivery: string;
  costType: string;
  reach: string;
}

export const SHAPE_FIELDS = ['kind', 'format', 'delivery', 'costType', 'reach'] as const satisfies readonly (keyof GroupShape)[];

interface Rule {
  applies: (s: GroupShape) => boolean;
  /**
   * The value a group gets when the attribute does not apply. Without one, the stored value is
   * kept (unused) as it was: settings such as the sign-up cutoff come back if the shape does.
   */
  cleared?: null | false | readonly never[];
}

const workshop = (s: GroupShape) => s.kind === 'workshop';
const therapy = (s: GroupShape) => s.kind === 'group_therapy';
const community = (s: GroupShape) => s.kind === 'online_community';
const dropIn = (s: GroupShape) => s.format === 'drop_in';
const closed = (s: GroupShape) => s.format === 'closed';
const hasSessions = (s: GroupShape) => s.format !== 'ongoing';
const aPlace = (s: GroupShape) => s.delivery !== 'online';
const online = (s: GroupShape) => s.delivery !== 'in_person';
const fee = (s: GroupShape) => s.costType === 'fee';
const notFree = (s: GroupShape) => s.costType !== 'free';

/** Every attribute that applies to some shapes only. Attributes not listed apply to every group. */
export const CONDITIONAL: Record<string, Rule> = {
  dropInStyle: { applies: dropIn, cleared: null },
  workshopActivity: { applies: workshop, cleared: null },
  materialsEn: { applies: workshop, cleared: null },
  materialsFr: { applies: workshop, cleared: null },
  // Taking part without speaking: anything but group therapy, where speaking is expected.
  noNeedToTalk: { applies: (s) => !therapy(s), cleared: false },
  treatmentFocusEn: { applies: therapy, cleared: null },
  treatmentFocusFr: { applies: therapy, cleared: null },
  rulesEn: { applies: community, cleared: null },
  rulesFr: { applies: community, cleared: null },
  autoApprove: { applies: community, cleared: false },

  feeCents: { applies: fee, cleared: null },
  feeCurrency: { applies: fee, cleared: null },
  feePer: { applies: fee, cleared: null },
  suggestedDonationCents: { applies: (s) => s.costType === 'pay_what_you_can', cleared: null },
  insuranceReceipts: { applies: notFree, cleared: false },
  coveredByEn: { applies: notFree, cleared: null },
  coveredByFr: { applies: notFree, cleared: null },

  venueName: { applies: aPlace, cleared: null },
  street: { applies: aPlace, cleared: null },
  postalCode: { applies: aPlace, cleared: null },
  onlineUrl: { applies: online, cleared: null },
  cameraOptional: { applies: online, cleared: false },
  regions: { applies: (s) => s.reach === 'local', cleared: [] },

  signupCutoffMinutes: { applies: dropIn },
  sessionCapacity: { applies: dropIn },
  walkIns: { applies: dropIn },
  waitlistPromotion: { applies: closed },
  autoAccept: { applies: closed, cleared: false },
  callsApplicants: { applies: closed, cleared: false },
  intakeScreening: { applies: (s) => closed(s) || therapy(s), cleared: false },
  attendanceTracked: { applies: hasSessions },
  reminderHours: { applies: hasSessions },
};

/** Whether an attribute applies to a group of this shape. */
export function applies(field: string, shape: GroupShape): boolean {
  return CONDITIONAL[field]?.applies(shape) ?? true;
}

/** The changes of a form without the attributes that do not apply to the shape it sends. */
export function applicableChanges<T extends Record<string, unknown>>(changes: T, shape: GroupShape): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([field]) => applies(field, shape))) as Partial<T>;
}

/** The group with every attribute that does not apply to its shape set to its cleared value. */
export function clearInapplicable<T extends GroupShape>(group: T): T {
  const out = { ...group } as unknown as Record<string, unknown>;
  for (const [field, rule] of Object.entries(CONDITIONAL)) {
    if (rule.cleared !== undefined && field in out && !rule.applies(group)) out[field] = Array.isArray(rule.cleared) ? [] : rule.cleared;
  }
  return out as unknown as T;
}
