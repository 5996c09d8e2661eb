// The searches every search benchmark runs: each kind of search people make, all with facet counts.
export const MIX: { kind: 'text' | 'own words' | 'text+2 filters' | 'filters' | 'near'; query: string }[] = [
  { kind: 'text', query: 'q=grief' },
  { kind: 'text', query: 'q=anxiety' },
  { kind: 'text', query: 'q=deuil%20p%C3%A9rinatal' },
  { kind: 'text', query: 'q=anxeity' },
  // Sentences read with the lexicon, ranked by how much of them each group matches.
  { kind: 'own words', query: 'q=lost%20my%20husband' },
  { kind: 'own words', query: 'q=my%20husband%20drinks%20too%20much' },
  { kind: 'own words', query: "q=j'ai%20perdu%20mon%20mari%20au%20printemps" },
  { kind: 'text+2 filters', query: 'q=grief&delivery=in_person&cost=free' },
  { kind: 'text+2 filters', query: 'q=d%C3%A9pression&lang=fr&format=drop_in' },
  { kind: 'text+2 filters', query: 'q=recovery&kind=support_group&day=tu,we' },
  { kind: 'filters', query: 'kind=support_group&delivery=online' },
  { kind: 'filters', query: 'format=closed&leadership=professional' },
  { kind: 'filters', query: 'topic=grief&open=true' },
  { kind: 'near', query: 'near=Ottawa&radius_km=50' },
  { kind: 'near', query: 'near=Montreal&radius_km=25&kind=workshop' },
  { kind: 'near', query: 'near=Toronto&radius_km=100&sort=distance' },
];
