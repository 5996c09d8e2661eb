import type { SeedArticle } from './types';

export const firstSupportGroup: SeedArticle = {
  key: 'first-support-group',
  topics: [],
  kinds: ['support_group'],
  en: {
    slug: 'what-to-expect-at-your-first-support-group',
    title: 'What to expect at your first support group',
    summary: 'Arriving, the opening round, the right to pass, confidentiality, and how to tell after a few meetings whether a group is right for you.',
    body: `Walking into a room of strangers to talk about the hardest thing in your life takes courage. Most people who come back say the first meeting was the hardest one. Here is what usually happens, so that fewer things surprise you.

## Arriving

Come a few minutes early if you can. The facilitator will usually greet newcomers, explain how the group works and show you where to sit. You do not need to bring anything. If you signed up through Cercle, you have a confirmation with the address and a link to change or cancel.

## The opening round

Many groups begin with a round: each person says their first name and, if they wish, a few words about why they are there. **You may always pass.** Saying "I'm just listening today" is completely normal, and no good group will push you.

## Ground rules

Groups agree on a few rules, often read aloud at the start:

- what is said in the group stays in the group;
- one person speaks at a time, and nobody is interrupted or judged;
- people speak about their own experience rather than giving advice;
- phones are silenced.

## After the meeting

You may feel tired, lighter, or both. That is common. Give yourself a quiet moment afterwards if you can.

## Is it the right group?

One meeting rarely tells you. Try two or three. If the group's focus, size or tone does not suit you, another group might — a different format, a professionally run group, or an online community. Leaving a group that does not fit is not a failure.

If you are in crisis, a group is not the place to wait: call or text 988 in Canada, any time.`,
  },
  fr: {
    slug: 'a-quoi-s-attendre-a-votre-premier-groupe-de-soutien',
    title: 'À quoi s’attendre à votre premier groupe de soutien',
    summary: "L'arrivée, le tour de table, le droit de passer son tour, la confidentialité, et comment savoir après quelques rencontres si le groupe vous convient.",
    body: `Entrer dans une pièce remplie d'inconnus pour parler de la chose la plus difficile de sa vie demande du courage. La plupart des personnes qui reviennent disent que la première rencontre était la plus dure. Voici ce qui se passe habituellement, pour que moins de choses vous surprennent.

## L'arrivée

Arrivez quelques minutes à l'avance si vous le pouvez. L'animateur ou l'animatrice accueille souvent les nouvelles personnes, explique le fonctionnement du groupe et vous montre où vous asseoir. Vous n'avez rien à apporter. Si vous vous êtes inscrit par Cercle, vous avez reçu une confirmation avec l'adresse et un lien pour modifier ou annuler votre inscription.

## Le tour de table

Beaucoup de groupes commencent par un tour de table : chaque personne dit son prénom et, si elle le souhaite, quelques mots sur ce qui l'amène. **Vous pouvez toujours passer votre tour.** Dire « aujourd'hui, j'écoute » est tout à fait normal, et un bon groupe ne vous poussera jamais.

## Les règles du groupe

Les groupes s'entendent sur quelques règles, souvent lues au début :

- ce qui se dit dans le groupe reste dans le groupe;
- une personne parle à la fois, sans être interrompue ni jugée;
- on parle de sa propre expérience plutôt que de donner des conseils;
- les téléphones sont en mode silencieux.

## Après la rencontre

Vous vous sentirez peut-être fatigué, soulagé, ou les deux. C'est fréquent. Accordez-vous un moment de calme après, si possible.

## Est-ce le bon groupe?

Une seule rencontre le dit rarement. Essayez-en deux ou trois. Si le thème, la taille ou le ton du groupe ne vous conviennent pas, un autre groupe pourrait mieux vous aller : un autre format, un groupe animé par des professionnels ou une communauté en ligne. Quitter un groupe qui ne vous convient pas n'est pas un échec.

Si vous êtes en crise, n'attendez pas la prochaine rencontre : appelez ou textez le 988, au Canada, en tout temps.`,
  },
};
