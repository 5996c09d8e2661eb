import { count } from 'drizzle-orm';
import type { Database } from '../client';
import { topics } from '../schema';

export interface TopicDefinition {
  slug: string;
  labelEn: string;
  labelFr: string;
}

export interface TopicTreeNode extends TopicDefinition {
  children: TopicDefinition[];
}

/**
 * The starting two-level taxonomy of SPEC §6. Slugs are stable English identifiers (a sub-topic's
 * slug starts with its parent's); labels are in English and Canadian French (see GLOSSARY.md).
 * Positions are derived from the order below: parent k gets k*100, its children k*100 + 1, 2, …,
 * so ordering by position alone keeps every sub-topic right after its parent.
 */
export const TOPIC_TREE: readonly TopicTreeNode[] = [
  {
    slug: 'grief',
    labelEn: 'Grief & bereavement',
    labelFr: 'Deuil',
    children: [
      { slug: 'grief-loss-of-a-child', labelEn: 'Loss of a child', labelFr: "Perte d'un enfant" },
      { slug: 'grief-pregnancy-and-infant-loss', labelEn: 'Pregnancy & infant loss', labelFr: 'Deuil périnatal' },
      { slug: 'grief-loss-of-a-partner', labelEn: 'Loss of a partner', labelFr: "Perte d'un conjoint ou d'une conjointe" },
      { slug: 'grief-loss-of-a-parent', labelEn: 'Loss of a parent', labelFr: "Perte d'un parent" },
      { slug: 'grief-loss-of-a-sibling', labelEn: 'Loss of a sibling', labelFr: "Perte d'un frère ou d'une sœur" },
      { slug: 'grief-suicide-loss', labelEn: 'Suicide loss', labelFr: 'Deuil par suicide' },
      {
        slug: 'grief-loss-through-substance-use',
        labelEn: 'Loss through substance use',
        labelFr: 'Deuil lié à la consommation de substances',
      },
      { slug: 'grief-anticipatory', labelEn: 'Anticipatory grief', labelFr: 'Deuil anticipé' },
      { slug: 'grief-pet-loss', labelEn: 'Pet loss', labelFr: "Perte d'un animal de compagnie" },
    ],
  },
  {
    slug: 'addiction',
    labelEn: 'Addiction & recovery',
    labelFr: 'Dépendance et rétablissement',
    children: [
      { slug: 'addiction-alcohol', labelEn: 'Alcohol', labelFr: 'Alcool' },
      { slug: 'addiction-drugs', labelEn: 'Drugs', labelFr: 'Drogues' },
      { slug: 'addiction-gambling', labelEn: 'Gambling', labelFr: "Jeux de hasard et d'argent" },
      { slug: 'addiction-families-and-friends', labelEn: 'Families & friends', labelFr: 'Familles et proches' },
    ],
  },
  {
    slug: 'mental-health',
    labelEn: 'Mental health',
    labelFr: 'Santé mentale',
    children: [
      { slug: 'mental-health-anxiety', labelEn: 'Anxiety', labelFr: 'Anxiété' },
      { slug: 'mental-health-depression', labelEn: 'Depression', labelFr: 'Dépression' },
      { slug: 'mental-health-trauma', labelEn: 'Trauma', labelFr: 'Trauma' },
      { slug: 'mental-health-eating-disorders', labelEn: 'Eating disorders', labelFr: 'Troubles alimentaires' },
      { slug: 'mental-health-bipolar', labelEn: 'Bipolar disorder', labelFr: 'Trouble bipolaire' },
    ],
  },
  {
    slug: 'health-conditions',
    labelEn: 'Health conditions',
    labelFr: 'Problèmes de santé',
    children: [
      { slug: 'health-conditions-cancer', labelEn: 'Cancer', labelFr: 'Cancer' },
      { slug: 'health-conditions-chronic-pain', labelEn: 'Chronic pain', labelFr: 'Douleur chronique' },
      { slug: 'health-conditions-dementia', labelEn: 'Dementia', labelFr: 'Troubles neurocognitifs (démence)' },
    ],
  },
  { slug: 'caregiving', labelEn: 'Caregiving', labelFr: 'Proches aidants', children: [] },
  { slug: 'parenting', labelEn: 'Parenting', labelFr: 'Parentalité', children: [] },
  {
    slug: 'identity',
    labelEn: 'Identity & community',
    labelFr: 'Identité et communauté',
    children: [
      { slug: 'identity-2slgbtq', labelEn: '2SLGBTQ+', labelFr: '2ELGBTQ+' },
      { slug: 'identity-newcomers', labelEn: 'Newcomers', labelFr: 'Personnes nouvellement arrivées' },
    ],
  },
];

/** Every topic slug of the starting taxonomy, parents first. */
export const TOPIC_SLUGS: readonly string[] = [
  ...TOPIC_TREE.map((p) => p.slug),
  ...TOPIC_TREE.flatMap((p) => p.children.map((c) => c.slug)),
];

/**
 * Inserts the starting taxonomy, or refreshes the English and French labels of topics that
 * already exist (matched by slug; their parent and position are kept). Idempotent: safe to run at
 * every start-up. Topics added by administrators under other slugs are left alone.
 */
export async function seedTopics(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // The starting set goes into an empty taxonomy only: afterwards administrators own it, and
    // their edits and deletions must survive restarts.
    const [existing] = await tx.select({ n: count() }).from(topics);
    if ((existing?.n ?? 0) > 0) return;
    const parentRows = await tx
      .insert(topics)
      .values(
        TOPIC_TREE.map((p, i) => ({
          slug: p.slug,
          labelEn: p.labelEn,
          labelFr: p.labelFr,
          parentId: null,
          position: (i + 1) * 100,
        })),
      )
      .returning({ id: topics.id, slug: topics.slug });
    const parentId = new Map(parentRows.map((r) => [r.slug, r.id]));

    const children = TOPIC_TREE.flatMap((p, i) =>
      p.children.map((c, j) => {
        const id = parentId.get(p.slug);
        if (!id) throw new Error(`seedTopics: parent topic ${p.slug} was not stored`);
        return { slug: c.slug, labelEn: c.labelEn, labelFr: c.labelFr, parentId: id, position: (i + 1) * 100 + j + 1 };
      }),
    );
    await tx.insert(topics).values(children);
  });
}
