import type { SeedArticle } from './types';

export const dropInOrClosed: SeedArticle = {
  key: 'drop-in-or-closed',
  topics: [],
  kinds: ['support_group', 'group_therapy'],
  en: {
    slug: 'drop-in-or-closed-group',
    title: 'Drop-in or closed group: which suits you?',
    summary: 'A drop-in asks nothing of you in advance; a closed group asks for a commitment and gives depth in return. How to weigh the two.',
    body: `Two groups can share a topic and still feel completely different because of how people join them. The choice between a drop-in and a closed group is often the first practical one to make.

## Drop-in groups

A drop-in group meets on a regular schedule — every Tuesday evening, the first Saturday of the month — and anyone it serves can come.

- **You decide each time.** Come when you need it, skip a month, return a year later.
- **The room changes.** Some faces are familiar, others new; there is always someone a little further along and someone just starting.
- **Little to prepare.** Many ask you to reserve a seat so the room is not overfull, and nothing more.

Drop-ins suit people who want support without a commitment, whose weeks are unpredictable, or who are not yet sure a group is for them.

## Closed groups

A closed group starts on a set date with a set group of people, and meets for a fixed number of weeks — often six to twelve. No one joins after it begins.

- **Trust builds quickly** because the same people meet every week.
- **There is usually a plan:** each session has a theme, and the group moves through the steps together.
- **You apply.** The organizer may ask a few questions to make sure the group fits, and may keep a waitlist.

Closed groups suit people ready to commit to every session and who want to go deeper, such as after a recent loss or while learning to live with a diagnosis.

## Not sure?

Start with a drop-in to see how being in a group feels, and apply to a closed group when you are ready. Many people do both at different times.`,
  },
  fr: {
    slug: 'groupe-ouvert-ou-groupe-ferme',
    title: 'Groupe ouvert ou groupe fermé : lequel vous convient?',
    summary: "Un groupe ouvert ne vous demande rien d'avance; un groupe fermé demande un engagement et offre en échange de la profondeur. Comment choisir.",
    body: `Deux groupes peuvent porter sur le même sujet et être vécus très différemment selon la façon dont on s'y joint. Le choix entre un groupe ouvert et un groupe fermé est souvent la première décision concrète à prendre.

## Les groupes ouverts

Un groupe ouvert (sans engagement) se réunit selon un horaire régulier — tous les mardis soir, le premier samedi du mois — et toute personne concernée peut y venir.

- **Vous décidez chaque fois.** Venez quand vous en avez besoin, sautez un mois, revenez un an plus tard.
- **Le groupe change.** Certains visages sont connus, d'autres nouveaux; il y a toujours quelqu'un d'un peu plus avancé et quelqu'un qui commence.
- **Peu de préparation.** Beaucoup demandent de réserver une place pour que la salle ne déborde pas, sans plus.

Les groupes ouverts conviennent aux personnes qui veulent du soutien sans engagement, dont les semaines sont imprévisibles, ou qui ne savent pas encore si un groupe est pour elles.

## Les groupes fermés

Un groupe fermé commence à une date précise avec les mêmes personnes, pour un nombre fixe de semaines — souvent de six à douze. Personne ne s'y joint une fois qu'il a commencé.

- **La confiance s'installe vite**, puisque les mêmes personnes se retrouvent chaque semaine.
- **Il y a généralement un programme :** chaque rencontre a son thème, et le groupe avance ensemble d'une étape à l'autre.
- **On présente une demande.** L'organisme peut poser quelques questions pour s'assurer que le groupe vous convient, et tenir une liste d'attente.

Les groupes fermés conviennent aux personnes prêtes à s'engager pour toutes les rencontres et qui souhaitent aller plus loin, par exemple après un deuil récent ou pour apprendre à vivre avec un diagnostic.

## Vous hésitez?

Commencez par un groupe ouvert pour voir comment vous vous sentez en groupe, puis présentez une demande à un groupe fermé quand vous serez prêt. Bien des gens font les deux, à des moments différents.`,
  },
};
