// English words of the articles: the list, an article, its comments, the subscription to new
// articles and the administrators' editor. fr/articles.ts must have exactly the same keys.
const articles = {
  list: {
    title: 'Articles and guides',
    lead: 'Plain-language guides to the kinds of groups, what to expect, and how to run a group well.',
    searchLabel: 'Search the articles',
    searchButton: 'Search',
    topicsTitle: 'Topics',
    allTopics: 'All topics',
    topicCount: '{{label}} ({{count}})',
    found_one: '{{count}} article',
    found_other: '{{count}} articles',
    foundFor_one: '{{count}} article for “{{q}}”',
    foundFor_other: '{{count}} articles for “{{q}}”',
    none: 'No article matches. Try other words, or all topics.',
    published: 'Published {{date}}',
    pages: 'Pages of articles',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: 'Page {{page}} of {{count}}',
    feed: 'Articles as a feed (Atom)',
    topicFeed: 'Articles on {{topic}} as a feed (Atom)',
  },
  article: {
    breadcrumb: 'Articles',
    by: 'By {{author}}',
    published: 'Published {{date}}',
    updated: 'Updated {{date}}',
    topics: 'Topics',
    kinds: 'About',
    translation: 'Lire en français : {{title}}',
    findTitle: 'Find a group',
    findLead: 'Ready for the next step? The guide asks a few questions and suggests the kinds of groups that fit; or look at the groups this article is about.',
    findGuide: 'Take the guide',
    findGroups: 'See matching groups',
    relatedTitle: 'Read next',
  },
};

export default articles;
