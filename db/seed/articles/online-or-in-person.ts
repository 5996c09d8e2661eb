import type { SeedArticle } from './types';

export const onlineOrInPerson: SeedArticle = {
  key: 'online-or-in-person',
  topics: [],
  kinds: ['online_community', 'support_group'],
  en: {
    slug: 'online-or-in-person',
    title: 'Online or in person: finding the setting that works for you',
    summary: 'Meeting in a room, meeting by video, or writing in an online community at any hour — what each offers, and what to check before you join.',
    body: `Support no longer has to happen in a church basement on a Tuesday night. It can also come through a video call or an online community you visit at 3 a.m. Each setting has real strengths.

## In person

- Being physically in a room with others who understand can be powerful: a nod, a shared silence, a cup of tea afterwards.
- It gives a reason to leave the house, and a rhythm to the week.
- It depends on where you live, on transport, and on whether the venue is accessible to you. Cercle shows each venue's accessibility so you can check before you go.

## By video

- Online meetings remove the commute and reach people in rural areas, people with limited mobility, and people caring for someone at home.
- You can keep your camera off at first.
- The meeting link is sent only to people who signed up, which keeps the group private.

## Online communities

- An online community is written rather than spoken: you post when you are ready, and read others' experiences in your own time.
- It is there at any hour, which matters when nights are the hardest part.
- A good community has moderators, clear rules and a way to report a post. On Cercle you can post under a nickname or anonymously.

## Questions to ask yourself

- Do I want to be seen and heard, or to write and read?
- When do I most need support — at a fixed time, or whenever it hits?
- Would travelling to a venue be a comfort or a burden right now?

Many people combine the two: a monthly meeting in person and an online community between meetings.`,
  },
  fr: {
    slug: 'en-ligne-ou-en-personne',
    title: 'En ligne ou en personne : trouver le cadre qui vous convient',
    summary: "Se réunir dans une salle, par vidéo, ou écrire dans une communauté en ligne à toute heure : ce que chacun offre, et ce qu'il faut vérifier avant de se joindre.",
    body: `Le soutien n'a plus besoin de se vivre uniquement dans un sous-sol d'église un mardi soir. Il peut aussi passer par un appel vidéo ou par une communauté en ligne qu'on visite à trois heures du matin. Chaque cadre a ses forces.

## En personne

- Être physiquement avec d'autres personnes qui comprennent peut être très fort : un regard, un silence partagé, un café après la rencontre.
- Cela donne une raison de sortir et un rythme à la semaine.
- Cela dépend de l'endroit où vous vivez, du transport et de l'accessibilité du lieu. Cercle indique l'accessibilité de chaque lieu pour que vous puissiez vérifier avant d'y aller.

## Par vidéo

- Les rencontres en ligne évitent les déplacements et rejoignent les personnes en région, à mobilité réduite ou proches aidantes à la maison.
- Vous pouvez garder la caméra fermée au début.
- Le lien de la rencontre n'est envoyé qu'aux personnes inscrites, ce qui garde le groupe privé.

## Les communautés en ligne

- Une communauté en ligne s'écrit plutôt qu'elle ne se parle : vous publiez quand vous êtes prêt, et lisez l'expérience des autres à votre rythme.
- Elle est là à toute heure, ce qui compte quand les nuits sont le plus difficile.
- Une bonne communauté a des modérateurs et modératrices, des règles claires et une façon de signaler une publication. Sur Cercle, vous pouvez publier sous un pseudonyme ou de façon anonyme.

## Quelques questions à vous poser

- Est-ce que je veux être vu et entendu, ou plutôt écrire et lire?
- Quand ai-je le plus besoin de soutien : à heure fixe, ou quand ça arrive?
- Me rendre à un lieu serait-il un réconfort ou un fardeau en ce moment?

Bien des gens combinent les deux : une rencontre en personne chaque mois et une communauté en ligne entre les rencontres.`,
  },
};
