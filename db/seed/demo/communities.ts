// What the demo online communities hold: members with nicknames, posts and comments in both
// languages (written for Cercle's demo), some anonymous, reactions, and a pending request each.
// db/seed/demo.ts turns this into rows, the same way on every start.

export interface DemoText {
  en?: string;
  fr?: string;
}

/** Nicknames of the demo members (no real names anywhere in a community). */
export const DEMO_NICKNAMES = [
  'Heron',
  'Lune',
  'Maple',
  'Tisane',
  'Wren',
  'Galet',
  'Juniper',
  'Brume',
  'Cedar',
  'Aurore',
  'Pebble',
  'Sarcelle',
  'Birch',
  'Colombe',
  'Harbour',
  'Luciole',
] as const;

/** Posts any of the communities may hold: the everyday of carrying something heavy. */
export const GENERAL_POSTS: DemoText[] = [
  { en: 'Three hours of sleep again. Does anyone else find the nights are the hardest part?' },
  { en: 'Small win today: I went for a walk and noticed the leaves. It felt strange to notice anything.' },
  { en: 'People keep asking if I am **better**. I never know what to say. How do you answer that?' },
  { en: 'I wrote a list of things that helped this month:\n\n- soup from a neighbour\n- this group\n- not answering the phone' },
  { en: 'A song came on at the grocery store and I had to leave my cart. Just needed to tell someone.' },
  { en: 'First time posting. I have been reading for weeks. Thank you for being here.' },
  { en: 'Holidays are coming and I am already dreading them. What do you plan to do, if anything?' },
  { en: 'I found a note in a coat pocket today. I sat on the floor of the closet for an hour.' },
  { fr: 'Encore une nuit blanche. Est-ce que les soirées sont aussi difficiles pour vous?' },
  { fr: 'Petite victoire : je suis sortie marcher. Le soleil m’a surprise, et c’était correct.' },
  { fr: 'Tout le monde me demande si ça va **mieux**. Je ne sais jamais quoi répondre.' },
  { fr: 'Ce qui m’a aidée cette semaine :\n\n- une soupe apportée par une voisine\n- vos messages\n- laisser le téléphone sonner' },
  { fr: 'Première publication ici. Je vous lis depuis un mois. Merci d’exister.' },
  { fr: 'Les fêtes approchent et j’ai déjà le cœur serré. Avez-vous prévu quelque chose?' },
  { fr: 'J’ai retrouvé une liste d’épicerie de sa main. Je l’ai mise sur le frigo.' },
  { fr: 'Une chanson à la radio et j’ai dû me ranger sur le bord de la route. Je voulais juste le dire à quelqu’un.' },
];

/** Posts written for one community (keyed by the group's slug). */
export const COMMUNITY_POSTS: Record<string, DemoText[]> = {
  'community-bereaved-parents': [
    { en: 'Her birthday is on Saturday. She would have been nine. We are going to her favourite park with a kite.' },
    { en: 'To the fathers here: how do you talk about it at work? I feel like I am expected to be fine.' },
    { en: 'Our son asks where his sister is almost every night. We say she is loved. Some nights that is all we have.' },
    { fr: 'Son anniversaire approche. Il aurait eu douze ans. Nous allumerons une bougie avec ses amis.' },
    { fr: 'Aux pères du groupe : comment en parlez-vous au travail? On attend de moi que je sois solide.' },
    { fr: 'Je garde sa chambre telle quelle. Certains me disent que ce n’est pas sain. Vous en pensez quoi?' },
  ],
  'community-pregnancy-infant-loss': [
    { en: 'We never got to bring her home. I still have the little hat from the hospital in my night table.' },
    { en: 'Pregnant again, and terrified. Every appointment I hold my breath. Is that normal?' },
    { en: 'My due date would have been this week. I took the day off and planted a tree.' },
    { fr: 'Nous n’avons jamais pu le ramener à la maison. Je garde son petit bracelet de naissance.' },
    { fr: 'Enceinte de nouveau et morte de peur. Chaque rendez-vous, je retiens mon souffle.' },
    { fr: 'On me dit que « c’était tôt ». Pour moi, c’était déjà mon enfant.' },
  ],
  'community-dementia-caregivers': [
    { en: 'Mom called me by my aunt’s name today. I answered to it. It seemed kinder than correcting her.' },
    { en: 'The sundowning is getting worse. What helps in your house around four in the afternoon?' },
    { en: 'We toured a long-term care home. I cried in the parking lot. I feel like I am giving up on him.' },
    { fr: 'Papa ne me reconnaît plus certains jours. Aujourd’hui, il m’a pris la main quand même.' },
    { fr: 'Des trucs pour la fin d’après-midi? L’agitation revient chaque jour vers seize heures.' },
    { fr: 'Je me sens coupable de prendre une journée de répit. Comment vous faites?' },
  ],
  'community-families-in-recovery': [
    { en: 'My brother is ninety days sober today. I am proud and scared at the same time.' },
    { en: 'I finally stopped lending money. It was the hardest boundary I have ever set.' },
    { en: 'How do you stop checking your phone every minute when they are out at night?' },
    { fr: 'Ma fille a repris contact après six mois. J’ai surtout écouté. C’était assez.' },
    { fr: 'J’ai arrêté de couvrir ses absences au travail. Je me sens à la fois soulagé et coupable.' },
    { fr: 'Comment prendre soin de soi quand toute la maison tourne autour de sa consommation?' },
  ],
  'community-suicide-loss-survivors': [
    { en: 'The question “why” comes back every morning. Some days I can set it down for an hour.' },
    { en: 'I was angry at him today, and then guilty for being angry. Has anyone felt both at once?' },
    { en: 'Two years on. I laughed out loud at a memory of her last week. It felt like a gift.' },
    { fr: 'Le « pourquoi » revient chaque matin. Certains jours, j’arrive à le déposer une heure.' },
    { fr: 'J’ai été en colère contre lui aujourd’hui, puis coupable de l’être. Ça vous arrive?' },
    { fr: 'Deux ans déjà. J’ai ri en pensant à elle la semaine dernière. Ça m’a fait du bien.' },
  ],
  'community-2slgbtq-wellbeing': [
    { en: 'Came out to a coworker today and it went fine. Still shaking a little. Sharing the good ones too.' },
    { en: 'Looking for a therapist who gets it, in Ontario. What questions did you ask in the first call?' },
    { en: 'Chosen family dinner on Sunday. Twelve people, one oven, a lot of laughing.' },
    { fr: 'Je l’ai dit à ma sœur hier. Elle m’a serré dans ses bras. Je voulais le partager.' },
    { fr: 'Quelles questions poser à une ou un thérapeute pour savoir si la personne est ouverte?' },
    { fr: 'Souper de famille choisie dimanche : douze personnes, un four, beaucoup de rires.' },
  ],
};

/** A post written in distress, for the moderators' queue of one community (flagged by the crisis list). */
export const CRISIS_POST: { community: string; text: DemoText } = {
  community: 'community-families-in-recovery',
  text: { en: 'Some nights I want to end it all. I am not going to do anything, but I needed to say it somewhere.' },
};

/** Replies, in each language. */
export const REPLIES: { en: string[]; fr: string[] } = {
  en: [
    'Thank you for writing this. I feel the same most days.',
    'Sending you a lot of warmth tonight.',
    'Nights were the worst for me too. A podcast at low volume helped a little.',
    'You are not alone in this. I read every word.',
    'That sounds like a beautiful way to honour them.',
    'I answer “some days are better” now. It is true and it ends the conversation.',
    'Be gentle with yourself this week.',
    'I did the same thing. It is not giving up; it is taking care.',
    'Proud of you for posting. It took me months.',
    'Same here. The small things catch me off guard more than the big dates.',
    'I saved a note like that too. It lives in my wallet.',
    'We skipped the big gathering last year and had a quiet dinner. It was the right call for us.',
  ],
  fr: [
    'Merci d’avoir écrit ça. Je me reconnais tellement.',
    'Je t’envoie beaucoup de douceur ce soir.',
    'Les nuits étaient le pire pour moi aussi. Un balado à voix basse m’a un peu aidée.',
    'Tu n’es pas seul·e. J’ai lu chaque mot.',
    'Quelle belle façon de lui rendre hommage.',
    'Je réponds maintenant « il y a de meilleurs jours ». C’est vrai, et ça clôt la conversation.',
    'Sois doux ou douce avec toi cette semaine.',
    'J’ai fait la même chose. Ce n’est pas abandonner, c’est prendre soin.',
    'Bravo d’avoir publié. Il m’a fallu des mois avant d’oser.',
    'Pareil ici : ce sont les petites choses qui me prennent par surprise.',
    'J’ai gardé un mot comme ça moi aussi. Il est dans mon portefeuille.',
    'L’an dernier, on a évité le grand rassemblement. Un souper tranquille, c’était ce qu’il fallait.',
  ],
};

/** What the one person waiting to join each community answered (the first question, when there is one). */
export const PENDING_REQUEST = { nickname: 'Newcomer', answer: { en: 'I found you through the guide. I am not sure what to say yet.', fr: 'Je vous ai trouvés par le guide. Je ne sais pas encore quoi dire.' } };
