import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { groups, groupTopics, organizations, topics } from '../db/schema';
import { seedIfEmpty } from '../db/seed';
import { TOPIC_SLUGS } from '../db/seed/topics';
import { refreshGroupSearch } from '../core/search/refresh-group-search';
import type { GroupKind } from '../db/schema/enums';

// The groups the relevance set (bench/relevance/queries.json) is measured on: the demo data, plus
// for every topic of the taxonomy and every kind of group three groups (one in English, one in
// French, one in both), written the way organizers describe their groups. Every query then has
// at least three relevant groups to find.

/** How organizers name each topic: a title phrase and a sentence, in English and in French. */
const TOPIC_TEXT: Record<string, [string, string, string, string]> = {
  grief: ['Grief and bereavement', 'Deuil', 'For anyone grieving the death of someone close.', 'Pour toute personne qui vit le deuil d’un proche.'],
  'grief-loss-of-a-child': ['Bereaved parents', 'Parents endeuillés', 'For mothers and fathers after the death of a child of any age.', 'Pour les mères et les pères après la mort d’un enfant, quel que soit son âge.'],
  'grief-pregnancy-and-infant-loss': ['Pregnancy and infant loss', 'Deuil périnatal', 'For families after a miscarriage, a stillbirth or the death of a newborn.', 'Pour les familles après une fausse couche, une mortinaissance ou la mort d’un nouveau-né.'],
  'grief-loss-of-a-partner': ['Widowed and grieving partners', 'Personnes veuves et conjoints endeuillés', 'For widows, widowers and anyone who lost a spouse or partner.', 'Pour les veuves, les veufs et toute personne qui a perdu son conjoint ou sa conjointe.'],
  'grief-loss-of-a-parent': ['Adults who lost a parent', 'Adultes ayant perdu un parent', 'For adult children after the death of a mother or father.', 'Pour les adultes après la mort de leur mère ou de leur père.'],
  'grief-loss-of-a-sibling': ['Grieving brothers and sisters', 'Frères et sœurs endeuillés', 'For people who lost a brother or a sister.', 'Pour les personnes qui ont perdu un frère ou une sœur.'],
  'grief-suicide-loss': ['Survivors of suicide loss', 'Endeuillés par suicide', 'For people who lost someone to suicide.', 'Pour les personnes qui ont perdu un proche par suicide.'],
  'grief-loss-through-substance-use': ['Loss through overdose and addiction', 'Deuil après une surdose', 'For families who lost someone to an overdose or to substance use.', 'Pour les familles qui ont perdu un proche à la suite d’une surdose ou de la consommation.'],
  'grief-anticipatory': ['Anticipatory grief', 'Deuil anticipé', 'For people whose loved one is dying or in palliative care.', 'Pour les personnes dont un proche est en fin de vie ou en soins palliatifs.'],
  'grief-pet-loss': ['Pet loss', 'Perte d’un animal', 'For anyone grieving a dog, a cat or another companion animal.', 'Pour toute personne en deuil d’un chien, d’un chat ou d’un autre animal de compagnie.'],
  addiction: ['Addiction recovery', 'Rétablissement des dépendances', 'For people in recovery from any addiction.', 'Pour les personnes en rétablissement, quelle que soit leur dépendance.'],
  'addiction-alcohol': ['Alcohol recovery', 'Rétablissement de l’alcool', 'For people who want to stop or cut down drinking.', 'Pour les personnes qui veulent arrêter ou réduire l’alcool.'],
  'addiction-drugs': ['Recovery from drug use', 'Rétablissement de la consommation de drogues', 'For people recovering from opioids, stimulants or other drugs.', 'Pour les personnes qui se rétablissent des opioïdes, des stimulants ou d’autres drogues.'],
  'addiction-gambling': ['Problem gambling', 'Jeu compulsif', 'For people whose betting or gaming got out of hand.', 'Pour les personnes dont le jeu ou les paris sont devenus un problème.'],
  'addiction-families-and-friends': ['Families of people with an addiction', 'Familles et proches de personnes dépendantes', 'For parents, partners and friends of someone who drinks or uses drugs.', 'Pour les parents, les conjoints et les amis d’une personne qui boit ou consomme.'],
  'mental-health': ['Mental health', 'Santé mentale', 'For anyone living with a mental health condition.', 'Pour toute personne qui vit avec un trouble de santé mentale.'],
  'mental-health-anxiety': ['Living with anxiety', 'Vivre avec l’anxiété', 'For people with anxiety, panic attacks or constant worry.', 'Pour les personnes qui vivent de l’anxiété, des crises de panique ou de l’inquiétude constante.'],
  'mental-health-depression': ['Depression', 'Dépression', 'For people living with depression or low mood.', 'Pour les personnes qui vivent avec la dépression.'],
  'mental-health-trauma': ['Trauma recovery', 'Se remettre d’un trauma', 'For survivors of trauma, abuse or violence, including PTSD.', 'Pour les personnes qui ont vécu un trauma, de la violence ou des abus, y compris le SSPT.'],
  'mental-health-eating-disorders': ['Eating disorders', 'Troubles alimentaires', 'For people living with anorexia, bulimia or binge eating.', 'Pour les personnes qui vivent avec l’anorexie, la boulimie ou l’hyperphagie.'],
  'mental-health-bipolar': ['Bipolar disorder', 'Trouble bipolaire', 'For people living with bipolar disorder and its highs and lows.', 'Pour les personnes qui vivent avec un trouble bipolaire.'],
  'health-conditions': ['Living with illness', 'Vivre avec la maladie', 'For people facing a serious or long-term health condition.', 'Pour les personnes qui font face à un problème de santé grave ou de longue durée.'],
  'health-conditions-cancer': ['Cancer', 'Cancer', 'For people living with cancer, in treatment or after it.', 'Pour les personnes atteintes d’un cancer, pendant ou après les traitements.'],
  'health-conditions-chronic-pain': ['Chronic pain', 'Douleur chronique', 'For people living with chronic pain, fibromyalgia or arthritis.', 'Pour les personnes qui vivent avec la douleur chronique, la fibromyalgie ou l’arthrite.'],
  'health-conditions-dementia': ['Dementia', 'Démence', 'For people living with dementia or Alzheimer’s disease, and those close to them.', 'Pour les personnes atteintes de démence ou de la maladie d’Alzheimer, et leurs proches.'],
  caregiving: ['Family caregivers', 'Proches aidants', 'For people caring for a sick, disabled or aging family member.', 'Pour les personnes qui prennent soin d’un proche malade, handicapé ou âgé.'],
  parenting: ['Parents', 'Parents', 'For parents facing the challenges of raising children.', 'Pour les parents devant les défis d’élever des enfants.'],
  identity: ['Identity and belonging', 'Identité et appartenance', 'For people looking for a community where they belong.', 'Pour les personnes qui cherchent une communauté d’appartenance.'],
  'identity-2slgbtq': ['2SLGBTQ+ peer support', 'Soutien 2ELGBTQ+', 'For Two-Spirit, lesbian, gay, bisexual, trans and queer people.', 'Pour les personnes bispirituelles, lesbiennes, gaies, bisexuelles, trans et queers.'],
  'identity-newcomers': ['Newcomers to Canada', 'Personnes nouvellement arrivées', 'For immigrants and refugees settling in Canada.', 'Pour les personnes immigrantes et réfugiées qui s’installent au Canada.'],
};

/** How each kind of group calls itself, in English and French. */
const KIND_TEXT: Record<GroupKind, [string, string, string, string]> = {
  support_group: ['Peer support circle', 'Cercle d’entraide', 'A drop-in group led by peers who have been there.', 'Un groupe sans rendez-vous animé par des pairs qui sont passés par là.'],
  group_therapy: ['Group therapy', 'Thérapie de groupe', 'An eight-week program led by a licensed psychologist.', 'Un programme de huit semaines animé par une psychologue.'],
  workshop: ['Creative workshop', 'Atelier créatif', 'An art and writing activity; you can take part without speaking.', 'Une activité d’art et d’écriture; vous pouvez participer sans parler.'],
  online_community: ['Online community', 'Communauté en ligne', 'A moderated forum, open day and night.', 'Un forum modéré, ouvert jour et nuit.'],
};

const SHAPE: Record<GroupKind, { leadership: 'peer' | 'professional' | 'licensed'; format: 'drop_in' | 'closed' | 'ongoing'; delivery: 'in_person' | 'online' }> = {
  support_group: { leadership: 'peer', format: 'drop_in', delivery: 'in_person' },
  group_therapy: { leadership: 'licensed', format: 'closed', delivery: 'in_person' },
  workshop: { leadership: 'professional', format: 'drop_in', delivery: 'in_person' },
  online_community: { leadership: 'peer', format: 'ongoing', delivery: 'online' },
};

/** Seeds the demo data and the relevance groups into an empty, migrated database. */
export async function seedRelevanceData(db: Database, now: Date): Promise<void> {
  await seedIfEmpty(db, { now });
  const [org] = await db
    .insert(organizations)
    .values({ slug: 'relevance-network', nameEn: 'Community Support Network', nameFr: 'Réseau de soutien communautaire', city: 'Ottawa' })
    .returning({ id: organizations.id });
  const topicRows = await db.select({ id: topics.id, slug: topics.slug }).from(topics);
  const topicId = new Map(topicRows.map((t) => [t.slug, t.id]));
  const missing = TOPIC_SLUGS.filter((s) => !TOPIC_TEXT[s]);
  if (missing.length) throw new Error(`relevance data: no text for ${missing.join(', ')}`);

  const rows: (typeof groups.$inferInsert)[] = [];
  const tags: { slug: string; topic: string }[] = [];
  for (const topic of TOPIC_SLUGS) {
    const [tEn, tFr, aboutEn, aboutFr] = TOPIC_TEXT[topic]!;
    for (const kind of Object.keys(KIND_TEXT) as GroupKind[]) {
      const [kEn, kFr, howEn, howFr] = KIND_TEXT[kind];
      const shape = SHAPE[kind];
      for (const languages of [['en'], ['fr'], ['en', 'fr']]) {
        const en = languages.includes('en');
        const fr = languages.includes('fr');
        const slug = `relevance-${topic}-${kind}-${languages.join('')}`.replace(/_/g, '-');
        rows.push({
          slug,
          organizationId: org!.id,
          status: 'published',
          kind,
          leadership: shape.leadership,
          format: shape.format,
          dropInStyle: shape.format === 'drop_in' ? 'open_forum' : null,
          delivery: shape.delivery,
          workshopActivity: kind === 'workshop' ? 'art' : null,
          noNeedToTalk: kind === 'workshop',
          titleEn: en ? `${kEn}: ${tEn}` : null,
          titleFr: fr ? `${kFr} : ${tFr}` : null,
          summaryEn: en ? `${aboutEn} ${howEn}` : null,
          summaryFr: fr ? `${aboutFr} ${howFr}` : null,
          languages,
          timeZone: 'America/Toronto',
          ...(shape.delivery === 'online'
            ? { street: null, city: null, province: null, country: null }
            : { street: '100 Bank Street', city: 'Ottawa', province: 'ON', country: 'CA', latitude: 45.4215, longitude: -75.6972 }),
          publishedAt: now,
        });
        tags.push({ slug, topic });
      }
    }
  }
  const inserted = await db.insert(groups).values(rows).returning({ id: groups.id, slug: groups.slug });
  const idOf = new Map(inserted.map((g) => [g.slug, g.id]));
  await db.insert(groupTopics).values(tags.map((t) => ({ groupId: idOf.get(t.slug)!, topicId: topicId.get(t.topic)! })));
  await refreshGroupSearch(db, 'all', now);
}

/** Each published group's kind and topics (with their parent topics), by id. */
export async function groupFacts(db: Database): Promise<Map<string, { kind: string; topics: Set<string> }>> {
  const result = (await db.execute(sql`
    select g.id, g.kind, array_remove(array_agg(distinct t.slug) || array_agg(distinct p.slug), null) as topics
    from groups g
    left join group_topics gt on gt.group_id = g.id
    left join topics t on t.id = gt.topic_id
    left join topics p on p.id = t.parent_id
    where g.status = 'published'
    group by g.id, g.kind`)) as unknown as { rows: { id: string; kind: string; topics: string[] | string }[] };
  const list = (v: string[] | string) => (Array.isArray(v) ? v : v.replace(/^{|}$/g, '').split(',').filter(Boolean));
  return new Map(result.rows.map((r) => [r.id, { kind: r.kind, topics: new Set(list(r.topics)) }]));
}
