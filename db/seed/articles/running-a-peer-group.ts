import type { SeedArticle } from './types';

export const runningAPeerGroup: SeedArticle = {
  key: 'running-a-peer-group',
  topics: [],
  kinds: ['support_group'],
  en: {
    slug: 'how-to-start-and-run-a-peer-group',
    title: 'How to start and run a peer group well',
    summary: 'For organizers: choosing a focus and a format, a welcoming room, ground rules, facilitating a round, handling a crisis, and looking after yourself.',
    body: `Many of the best groups were started by someone who looked for one, did not find it, and decided to make it. Here is what helps a peer group last.

## Before the first meeting

- **Choose a clear focus.** "Parents who lost a child to overdose" brings the right people together better than "grief".
- **Pick a format.** A monthly drop-in is the easiest to sustain; a closed group of eight weeks asks more of you and of the members.
- **Find a room** that is quiet, private and accessible, with chairs in a circle. Libraries, community centres and places of worship often lend one for free.
- **Find a co-facilitator.** Two people share the load and can cover for each other.

## Ground rules

Write a few rules and read them at the start of every meeting: confidentiality, one person speaks at a time, speak from your own experience, no advice unless asked, the right to pass. Newcomers relax when they hear them.

## Facilitating

- Open with a round of first names, and invite — never require — a few words.
- Keep time gently so that everyone who wants to speak can.
- When one person takes a lot of space, thank them and turn to the group: "Does anyone else want to add something?"
- Close with a round of one word each, and remind people of the next date.

## When someone is in crisis

Agree in advance on what you will do. Know the local crisis line (988 in Canada) and the nearest emergency department, speak with the person privately after the meeting, and do not stay alone with a situation that is beyond you.

## Looking after yourself

Facilitating a group about pain you have lived is heavy. Take breaks, keep your own sources of support, and let others take turns.

## Using Cercle

Publish the group with its schedule and the number of places; Cercle handles sign-ups, reminders and the waitlist, and lets you message participants without sharing your own address.`,
  },
  fr: {
    slug: 'demarrer-et-animer-un-groupe-d-entraide',
    title: "Démarrer et bien animer un groupe d'entraide",
    summary: "Pour les organisateurs et organisatrices : choisir un thème et un format, une salle accueillante, des règles, animer un tour de table, réagir à une crise, et prendre soin de soi.",
    body: `Bien des groupes parmi les meilleurs ont été fondés par quelqu'un qui en cherchait un, ne l'a pas trouvé et a décidé de le créer. Voici ce qui aide un groupe d'entraide à durer.

## Avant la première rencontre

- **Choisissez un thème clair.** « Parents ayant perdu un enfant par surdose » rassemble mieux les bonnes personnes que « deuil ».
- **Choisissez un format.** Un groupe ouvert mensuel est le plus facile à maintenir; un groupe fermé de huit semaines vous demande davantage, ainsi qu'aux personnes participantes.
- **Trouvez une salle** calme, privée et accessible, avec des chaises en cercle. Bibliothèques, centres communautaires et lieux de culte en prêtent souvent gratuitement.
- **Trouvez une personne pour coanimer.** À deux, on partage la charge et on peut se remplacer.

## Les règles du groupe

Écrivez quelques règles et lisez-les au début de chaque rencontre : confidentialité, une personne parle à la fois, on parle de sa propre expérience, pas de conseils sans qu'on en demande, le droit de passer son tour. Les nouvelles personnes se détendent en les entendant.

## Animer

- Ouvrez par un tour des prénoms, en invitant — sans jamais obliger — à dire quelques mots.
- Gardez un œil sur le temps, doucement, pour que chaque personne qui le souhaite puisse parler.
- Quand une personne prend beaucoup de place, remerciez-la et tournez-vous vers le groupe : « Quelqu'un veut-il ajouter quelque chose? »
- Terminez par un tour d'un mot chacun, et rappelez la date de la prochaine rencontre.

## Quand une personne est en crise

Décidez d'avance de ce que vous ferez. Connaissez la ligne de crise (le 988 au Canada) et l'urgence la plus proche, parlez à la personne en privé après la rencontre, et ne restez pas seul devant une situation qui vous dépasse.

## Prendre soin de soi

Animer un groupe sur une douleur qu'on a soi-même vécue est exigeant. Prenez des pauses, gardez vos propres sources de soutien et laissez d'autres personnes prendre le relais.

## Avec Cercle

Publiez le groupe avec son horaire et son nombre de places; Cercle s'occupe des inscriptions, des rappels et de la liste d'attente, et vous permet d'écrire aux personnes participantes sans donner votre propre adresse.`,
  },
};
