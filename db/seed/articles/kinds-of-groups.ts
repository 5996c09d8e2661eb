import type { SeedArticle } from './types';

export const kindsOfGroups: SeedArticle = {
  key: 'kinds-of-groups',
  topics: [],
  kinds: ['support_group', 'group_therapy', 'workshop', 'online_community'],
  en: {
    slug: 'kinds-of-groups-and-how-they-differ',
    title: 'The kinds of groups, and how they differ',
    summary: 'Peer groups, professionally run groups, drop-ins, closed cohorts, online communities, workshops and group therapy: what each one is, and who it tends to suit.',
    body: `"Support group" covers many different rooms. Knowing what kind you are walking into makes the first step easier, and makes it likelier that the group will actually help.

## Who leads the group

- **Peer support groups** are run by people who have lived through the same thing. Nobody in the room is there as an expert; the strength of the group is shared experience. Many are free.
- **Professionally run groups** are led by a social worker, nurse, counsellor or trained facilitator who keeps the group safe and on track, and sometimes brings information.
- **Group therapy** is treatment. It is led by a licensed therapist, usually has an intake conversation first, and works on specific goals over a set number of sessions.

## How you take part

- **Drop-in groups** meet regularly and you can come when you need to, without committing to every meeting.
- **Closed groups** (cohorts) start together with the same people and run for a set number of weeks. You usually apply, and new people do not join midway.
- **Online communities** are a place to write and read at any hour, with moderators, rather than a meeting at a fixed time.

## Doing rather than talking

**Therapeutic workshops** gather people around an activity — art, writing, music, movement, gardening, walking. The activity carries part of the weight, which many people find easier than talking in a circle.

## Which one is for you?

There is no wrong door. If you want to be understood by people who have been there, start with a peer group. If you want structure and a trained person in the room, look for a professionally run group. If what you are living is getting in the way of daily life, group therapy may be the right step. Cercle's guide asks a few questions and suggests the kinds that fit.`,
  },
  fr: {
    slug: 'types-de-groupes-et-leurs-differences',
    title: 'Les types de groupes et ce qui les distingue',
    summary: "Groupes d'entraide, groupes animés par des professionnels, groupes ouverts, cohortes, communautés en ligne, ateliers et thérapie de groupe : ce qu'est chacun, et à qui il convient.",
    body: `Derrière les mots « groupe de soutien », il y a des réalités très différentes. Savoir à quel type de groupe on se joint rend le premier pas plus facile, et augmente les chances que le groupe aide vraiment.

## Qui anime le groupe

- Les **groupes de soutien par les pairs** (ou groupes d'entraide) sont animés par des personnes qui ont vécu la même chose. Personne n'y est en position d'expert : la force du groupe, c'est l'expérience partagée. Beaucoup sont gratuits.
- Les **groupes animés par des professionnels** sont menés par une travailleuse sociale, un infirmier, une intervenante ou un animateur formé, qui veille à la sécurité du groupe et apporte parfois de l'information.
- La **thérapie de groupe** est un traitement. Elle est offerte par une ou un thérapeute membre d'un ordre professionnel, commence habituellement par une rencontre d'accueil et vise des objectifs précis sur un nombre défini de séances.

## Comment on y participe

- Les **groupes ouverts** (sans engagement) se réunissent régulièrement; on y va quand on en a besoin, sans s'engager pour chaque rencontre.
- Les **groupes fermés** (cohortes) commencent ensemble, avec les mêmes personnes, pour un nombre fixe de semaines. On présente généralement une demande, et personne ne se joint en cours de route.
- Les **communautés en ligne** sont des lieux où lire et écrire à toute heure, avec des modérateurs et modératrices, plutôt qu'une rencontre à heure fixe.

## Faire plutôt que parler

Les **ateliers thérapeutiques** réunissent des personnes autour d'une activité : art, écriture, musique, mouvement, jardinage, marche. L'activité porte une partie du poids, ce que bien des gens trouvent plus facile que de parler en cercle.

## Lequel vous convient?

Il n'y a pas de mauvaise porte. Pour être compris par des gens qui sont passés par là, commencez par un groupe d'entraide. Pour un cadre et une personne formée dans la salle, cherchez un groupe animé par des professionnels. Si ce que vous vivez nuit à votre quotidien, la thérapie de groupe est peut-être la bonne étape. Le guide de Cercle pose quelques questions et propose les types de groupes qui vous conviennent.`,
  },
};
