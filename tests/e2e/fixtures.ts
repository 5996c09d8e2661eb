import type { Database } from '../../db/client';
import { createOrganization, createGroup, createSession, createFacilitator, addFacilitator } from '../support/factories';

/** What the end-to-end server is started with: a few groups made by the factories, no demo data. */
export async function insertE2eFixtures(db: Database, now: Date) {
  const org = await createOrganization(db, {
    slug: 'e2e-circle',
    nameEn: 'Ottawa Peer Circle',
    nameFr: 'Cercle des pairs d’Ottawa',
  });
  const grief = await createGroup(db, {
    organizationId: org.id,
    slug: 'e2e-grief-drop-in',
    titleEn: 'Tuesday grief drop-in',
    titleFr: 'Rencontre libre sur le deuil du mardi',
    summaryEn: 'Come as you are and talk, or just listen, with others who are grieving.',
    summaryFr: 'Venez comme vous êtes pour parler, ou simplement écouter, avec d’autres personnes en deuil.',
    descriptionEn: 'A peer-led circle that meets every Tuesday evening.',
    descriptionFr: 'Un cercle animé par des pairs qui se réunit le mardi soir.',
    languages: ['en', 'fr'],
    delivery: 'hybrid',
    onlineUrl: 'https://meet.example.org/e2e-private-room',
    sessionCapacity: 12,
    accessibility: ['step_free', 'hearing_loop'],
  });
  const facilitator = await createFacilitator(db, {
    displayName: 'Dana Peer',
    credentialsEn: 'Trained peer facilitator',
    credentialsFr: 'Animatrice formée en soutien par les pairs',
  });
  await addFacilitator(db, grief.id, facilitator.id);
  for (let week = 1; week <= 3; week++) {
    await createSession(db, { groupId: grief.id, startsAt: new Date(now.getTime() + week * 7 * 86_400_000) });
  }
  await createGroup(db, {
    organizationId: org.id,
    slug: 'e2e-online-community',
    kind: 'online_community',
    format: 'ongoing',
    dropInStyle: null,
    delivery: 'online',
    street: null,
    city: null,
    province: null,
    titleEn: 'Caregivers online community',
    titleFr: 'Communauté en ligne des proches aidants',
  });
  await createGroup(db, {
    organizationId: org.id,
    slug: 'e2e-french-only',
    titleEn: null,
    titleFr: 'Atelier d’écriture pour personnes endeuillées',
    summaryEn: null,
    summaryFr: 'Écrire pour déposer ce qui pèse.',
    kind: 'workshop',
    format: 'drop_in',
    workshopActivity: 'writing',
    languages: ['fr'],
  });
}
