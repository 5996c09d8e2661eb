import type en from '../en/articles';
import type { Catalog } from '../catalog-type';

// Mots français des articles : la liste, un article, ses commentaires, l’abonnement aux nouveaux
// articles et l’éditeur des administrateurs.
const articles: Catalog<typeof en> = {
  list: {
    title: 'Articles et guides',
    lead: 'Des guides en mots simples sur les types de groupes, ce qui vous attend et comment bien animer un groupe.',
    searchLabel: 'Chercher dans les articles',
    searchButton: 'Chercher',
    topicsTitle: 'Sujets',
    allTopics: 'Tous les sujets',
    topicCount: '{{label}} ({{count}})',
    found_one: '{{count}} article',
    found_other: '{{count}} articles',
    foundFor_one: '{{count}} article pour « {{q}} »',
    foundFor_other: '{{count}} articles pour « {{q}} »',
    none: 'Aucun article ne correspond. Essayez d’autres mots, ou tous les sujets.',
    published: 'Publié le {{date}}',
    pages: 'Pages d’articles',
    previous: 'Page précédente',
    next: 'Page suivante',
    pageOf: 'Page {{page}} sur {{count}}',
    feed: 'Les articles en fil (Atom)',
    topicFeed: 'Les articles sur le sujet {{topic}} en fil (Atom)',
  },
  article: {
    breadcrumb: 'Articles',
    by: 'Par {{author}}',
    published: 'Publié le {{date}}',
    updated: 'Mis à jour le {{date}}',
    topics: 'Sujets',
    kinds: 'Porte sur',
    translation: 'Read in English: {{title}}',
    findTitle: 'Trouver un groupe',
    findLead: 'Prêt pour la prochaine étape? Le guide pose quelques questions et propose les types de groupes qui vous conviennent; ou voyez les groupes dont parle cet article.',
    findGuide: 'Suivre le guide',
    findGroups: 'Voir les groupes correspondants',
    relatedTitle: 'À lire ensuite',
  },
  comments: {
    title: 'Commentaires',
    none: 'Aucun commentaire pour l’instant.',
    by: '{{nickname}}, le {{date}}',
    formTitle: 'Ajouter un commentaire',
    formLead: 'Notre équipe lit les commentaires avant qu’ils paraissent. Ne donnez rien qui permettrait de vous reconnaître ou de reconnaître quelqu’un d’autre.',
    nickname: 'Votre nom ou un pseudonyme',
    nicknameHint: 'Affiché avec votre commentaire. Aucune adresse courriel n’est demandée.',
    body: 'Votre commentaire',
    website: 'Laissez ce champ vide',
    send: 'Envoyer le commentaire',
    held: 'Merci. Votre commentaire paraîtra quand notre équipe l’aura lu.',
  },
  errors: {
    summary: 'Veuillez corriger ce qui suit :',
    generic: 'Le commentaire n’a pas pu être envoyé. Réessayez dans un moment.',
    reason: {
      comment_form_expired: 'Cette page était ouverte depuis trop longtemps. Votre texte est encore là : envoyez-le de nouveau.',
      comment_too_soon: 'Prenez quelques secondes de plus, puis envoyez votre commentaire de nouveau.',
      too_many_requests: 'Beaucoup de commentaires sont venus de votre adresse. Réessayez dans {{minutes}} minutes.',
    },
    fields: {
      body: { too_many_links: 'Un commentaire peut contenir au plus deux liens.', required: 'Écrivez votre commentaire.' },
      nickname: { required: 'Écrivez votre nom ou un pseudonyme.' },
    },
  },
};

export default articles;
