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
};

export default articles;
