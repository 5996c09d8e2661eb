import type { ModuleDef } from './types';

// Programs of the closed groups: one module per session, in order.

const m = (titleEn: string, titleFr: string, summaryEn: string, summaryFr: string): ModuleDef => ({
  title: { en: titleEn, fr: titleFr },
  summary: { en: summaryEn, fr: summaryFr },
});

export const GRIEF_EIGHT_WEEKS: ModuleDef[] = [
  m(
    'Arriving and telling our story',
    'Faire connaissance et raconter son histoire',
    'We set our agreements and each person says, in their own way, who died and how.',
    'Nous établissons nos règles communes et chaque personne dit, à sa façon, qui est décédé et comment.',
  ),
  m(
    'What grief does to body and mind',
    "Ce que le deuil fait au corps et à l'esprit",
    'Fatigue, poor sleep, a foggy memory: we look at what is common and when to ask for more help.',
    "Fatigue, sommeil perturbé, mémoire embrouillée : ce qui est fréquent, et quand demander plus d'aide.",
  ),
  m(
    'Waves: triggers, anniversaries and firsts',
    'Les vagues : déclencheurs, anniversaires et premières fois',
    'Why a song in a grocery store can knock us over, and how to prepare for the dates we dread.',
    "Pourquoi une chanson à l'épicerie peut nous renverser, et comment se préparer aux dates redoutées.",
  ),
  m(
    'Guilt, anger and the unsaid',
    'Culpabilité, colère et non-dits',
    'Room for the feelings people rarely admit to, without judgment.',
    'Une place pour les émotions qu’on avoue rarement, sans jugement.',
  ),
  m(
    'What changes around us',
    'Ce qui change autour de nous',
    'Family roles, friends who drift away, going back to work.',
    'Les rôles dans la famille, les amis qui s’éloignent, le retour au travail.',
  ),
  m(
    'Rituals and a continuing bond',
    'Rituels et lien qui continue',
    'Ways people stay connected to the person who died; we share objects or photos if we wish.',
    'Les façons de rester lié à la personne décédée; on peut apporter un objet ou une photo.',
  ),
  m(
    'Looking after yourself',
    'Prendre soin de soi',
    'Small, realistic habits for the weeks ahead, and who to call on a bad night.',
    'De petites habitudes réalistes pour les semaines à venir, et qui appeler lors d’une mauvaise soirée.',
  ),
  m(
    'Looking ahead, saying goodbye',
    'Regarder devant et se dire au revoir',
    'We review the eight weeks, mark the end of the group and talk about what comes next.',
    'Nous revenons sur les huit semaines, soulignons la fin du groupe et parlons de la suite.',
  ),
];

export const PARTNER_LOSS: ModuleDef[] = [
  m(
    'Introductions: the person we lost',
    'Présentations : la personne que nous avons perdue',
    'Each of us introduces our partner: how we met, what they were like.',
    'Chaque personne présente son ou sa partenaire : la rencontre, son caractère.',
  ),
  m(
    'The empty side of the bed',
    'Le côté vide du lit',
    'Sleep, meals and the small routines that used to belong to two people.',
    'Le sommeil, les repas et les petites routines qui se vivaient à deux.',
  ),
  m(
    'Paperwork, money and decisions',
    'Paperasse, argent et décisions',
    'Estates, pensions and the house: a practical evening, with a checklist to take home.',
    'Succession, rentes et maison : une soirée pratique, avec une liste à rapporter chez soi.',
  ),
  m(
    'Who am I now?',
    'Qui suis-je maintenant?',
    'Identity after a long partnership, and the words we use for ourselves.',
    'L’identité après une longue vie à deux, et les mots pour se nommer.',
  ),
  m(
    'When people don’t know what to say',
    'Quand les proches ne savent pas quoi dire',
    'Clumsy comments, vanishing friends, and how to ask for the help you actually need.',
    'Les maladresses, les amis qui disparaissent et comment demander l’aide dont on a vraiment besoin.',
  ),
  m(
    'Holidays and anniversaries',
    'Les fêtes et les anniversaires',
    'Planning for the days that are hardest, including the ones nobody else remembers.',
    'Se préparer aux journées les plus dures, y compris celles dont personne d’autre ne se souvient.',
  ),
  m(
    'Loneliness and new connections',
    'Solitude et nouveaux liens',
    'Being alone versus feeling alone; small steps back toward other people.',
    'Être seul ou se sentir seul; de petits pas pour renouer avec les autres.',
  ),
  m(
    'Carrying them with us',
    'Les garder avec nous',
    'Closing circle: what we keep, what we let go, and staying in touch as a group.',
    'Cercle de clôture : ce que l’on garde, ce que l’on laisse aller, et garder contact.',
  ),
];

export const MINDFUL_SELF_COMPASSION: ModuleDef[] = [
  m(
    'What self-compassion is (and is not)',
    "Ce qu'est l'autocompassion (et ce qu'elle n'est pas)",
    'Not self-pity, not letting ourselves off the hook: a first look and a short practice.',
    'Ni apitoiement ni complaisance : une première définition et une courte pratique.',
  ),
  m(
    'Breath and soothing touch',
    'Le souffle et le toucher apaisant',
    'Two simple ways to calm the nervous system that you can use anywhere.',
    'Deux façons simples de calmer le système nerveux, utilisables n’importe où.',
  ),
  m(
    'Meeting the inner critic',
    'Rencontrer le critique intérieur',
    'Where the harsh voice comes from and what it is trying to protect.',
    "D'où vient la voix sévère et ce qu'elle essaie de protéger.",
  ),
  m(
    'Difficult emotions: name, feel, soften',
    'Émotions difficiles : nommer, ressentir, adoucir',
    'A step-by-step practice for staying with a hard feeling without drowning in it.',
    'Une pratique par étapes pour rester avec une émotion difficile sans s’y noyer.',
  ),
  m(
    'Caring without burning out',
    "Prendre soin sans s'épuiser",
    'Compassion fatigue for caregivers and helpers, and how to refill.',
    'La fatigue de compassion chez les proches aidants et les intervenants, et comment se ressourcer.',
  ),
  m(
    'A daily practice that fits your life',
    'Une pratique quotidienne à votre mesure',
    'Each person leaves with a five-minute routine they chose themselves.',
    'Chaque personne repart avec une routine de cinq minutes choisie par elle-même.',
  ),
];

export const COOKING_FOR_ONE: ModuleDef[] = [
  m(
    'Stocking a kitchen for one',
    'Garnir une cuisine pour une personne',
    'A pantry list, portion sizes and a grocery run that does not leave half of it to spoil.',
    "Une liste d'épicerie, des portions réalistes et des achats qui ne finissent pas à la poubelle.",
  ),
  m(
    'Soups that freeze well',
    'Des soupes qui se congèlent bien',
    'Two soups, cooked together, divided into containers to take home.',
    'Deux soupes cuisinées ensemble et réparties en contenants à rapporter.',
  ),
  m(
    'One pan, one plate',
    'Une poêle, une assiette',
    'Quick weeknight meals with few dishes to wash.',
    'Des repas rapides de semaine, avec peu de vaisselle.',
  ),
  m(
    'Their favourite recipe',
    'Sa recette préférée',
    'Participants bring a recipe the person who died loved to cook or eat; we make one or two.',
    'Chaque personne apporte une recette que la personne disparue aimait; on en cuisine une ou deux.',
  ),
  m(
    'Batch cooking and sharing',
    'Cuisiner en lot et partager',
    'Cooking for the week and for a neighbour: food as a way back to other people.',
    'Cuisiner pour la semaine et pour un voisin : la nourriture comme chemin vers les autres.',
  ),
  m(
    'A meal together',
    'Un repas ensemble',
    'We cook a full meal and sit down to eat it, as a group.',
    'Nous préparons un repas complet et le partageons, en groupe.',
  ),
];

export const CBT_ANXIETY: ModuleDef[] = [
  m(
    'Understanding anxiety',
    "Comprendre l'anxiété",
    'The body’s alarm system, when it helps and when it misfires; setting personal goals.',
    "Le système d'alarme du corps, quand il aide et quand il s'emballe; fixer ses objectifs.",
  ),
  m(
    'The CBT model',
    'Le modèle de la TCC',
    'How situations, thoughts, feelings and behaviours feed one another.',
    "Comment situations, pensées, émotions et comportements s'alimentent les uns les autres.",
  ),
  m(
    'Catching anxious thoughts',
    'Repérer les pensées anxieuses',
    'Using a thought record to notice what the mind says in the moment.',
    "Utiliser un journal des pensées pour observer ce que l'esprit dit sur le moment.",
  ),
  m(
    'Thinking traps',
    'Les pièges de la pensée',
    'Catastrophizing, mind reading and other habits, and how to question them.',
    'Catastrophisme, lecture de pensées et autres habitudes, et comment les remettre en question.',
  ),
  m(
    'Calming the body',
    'Apaiser le corps',
    'Paced breathing and progressive muscle relaxation, practised in session.',
    'Respiration rythmée et relaxation musculaire progressive, pratiquées en séance.',
  ),
  m(
    'How avoidance keeps anxiety going',
    "Comment l'évitement entretient l'anxiété",
    'Safety behaviours, short-term relief and long-term cost.',
    'Comportements de sécurité, soulagement à court terme et coût à long terme.',
  ),
  m(
    'Building an exposure ladder',
    "Construire une échelle d'exposition",
    'Each person lists feared situations from easiest to hardest.',
    'Chaque personne classe les situations redoutées, de la plus facile à la plus difficile.',
  ),
  m(
    'Exposure in practice',
    "L'exposition en pratique",
    'Planning, doing and reviewing the first steps, with group support.',
    'Planifier, réaliser et analyser les premiers pas, avec le soutien du groupe.',
  ),
  m(
    'Worry and uncertainty',
    "Inquiétudes et incertitude",
    'Worry time, problem solving and learning to tolerate not knowing.',
    "Le moment d'inquiétude, la résolution de problèmes et la tolérance à l'incertitude.",
  ),
  m(
    'Keeping the gains',
    'Maintenir les acquis',
    'A written relapse-prevention plan and a last review of goals.',
    'Un plan écrit de prévention de la rechute et un dernier bilan des objectifs.',
  ),
];

export const GRIEF_WRITING: ModuleDef[] = [
  m(
    'Writing their name',
    'Écrire son nom',
    'Short warm-up exercises around a name and what it holds.',
    "De courts exercices d'échauffement autour d'un prénom et de tout ce qu'il contient.",
  ),
  m(
    'A letter to the person who died',
    'Une lettre à la personne disparue',
    'Writing directly to them: news, questions, thanks.',
    'Lui écrire directement : des nouvelles, des questions, des remerciements.',
  ),
  m(
    'The things that remain',
    'Les objets qui restent',
    'A sweater, a mug, a handwriting: describing an object in detail.',
    "Un chandail, une tasse, une écriture : décrire un objet dans le détail.",
  ),
  m(
    'Places and seasons',
    'Lieux et saisons',
    'The landscapes and times of year that carry our memories.',
    "Les paysages et les moments de l'année qui portent nos souvenirs.",
  ),
  m(
    'What I did not say',
    "Ce que je n'ai pas dit",
    'A private page, never read aloud unless you want to.',
    "Une page intime, jamais lue à voix haute à moins que vous le souhaitiez.",
  ),
  m(
    'Optional shared reading',
    'Lecture partagée (facultative)',
    'Those who wish read a short piece; others simply listen.',
    "Les personnes qui le souhaitent lisent un court texte; les autres écoutent, tout simplement.",
  ),
];

export const MUSIC_AND_MEMORY: ModuleDef[] = [
  m(
    'The songs of our twenties',
    'Les chansons de nos vingt ans',
    'Each pair brings a song from their youth; we listen and sing along.',
    'Chaque duo apporte une chanson de sa jeunesse; on écoute et on chante.',
  ),
  m(
    'Rhythm and simple percussion',
    'Rythme et percussions simples',
    'Hand drums, shakers and the pleasure of keeping a beat together.',
    'Tambours à main, maracas et le plaisir de garder le rythme ensemble.',
  ),
  m(
    'Music for celebrations',
    'La musique des fêtes',
    'Wedding songs, holiday tunes, the music of family gatherings.',
    'Chansons de noces, airs des fêtes, la musique des rassemblements de famille.',
  ),
  m(
    'Lullabies and childhood songs',
    "Berceuses et chansons d'enfance",
    'Songs learned long ago that often stay when other memories fade.',
    "Des chansons apprises il y a longtemps, qui restent souvent quand d'autres souvenirs s'effacent.",
  ),
  m(
    'Making a playlist together',
    'Créer une liste de lecture ensemble',
    'Each pair leaves with a personal playlist to use at home on hard days.',
    'Chaque duo repart avec une liste de lecture personnelle pour les jours difficiles.',
  ),
  m(
    'A small concert',
    'Un petit concert',
    'Families are invited to a short, relaxed concert by the group.',
    'Les familles sont invitées à un court concert détendu donné par le groupe.',
  ),
];

export const COMPLICATED_GRIEF: ModuleDef[] = [
  m(
    'Goals and group framework',
    'Objectifs et cadre du groupe',
    'Review of the intake assessment, confidentiality and personal goals.',
    "Retour sur l'évaluation initiale, confidentialité et objectifs personnels.",
  ),
  m(
    'Understanding prolonged grief',
    'Comprendre le deuil prolongé',
    'What keeps grief stuck, and what the research says helps.',
    'Ce qui maintient le deuil figé, et ce que la recherche dit de ce qui aide.',
  ),
  m(
    'Telling the story of the death',
    'Raconter le décès',
    'A guided, paced retelling, with time to recover afterwards.',
    'Un récit guidé, à son rythme, avec du temps pour se déposer ensuite.',
  ),
  m(
    'Working with avoidance',
    "Travailler l'évitement",
    'Places, objects and conversations we avoid, and small steps toward them.',
    'Les lieux, objets et conversations que l’on évite, et de petits pas vers eux.',
  ),
  m(
    'Guilt and self-blame',
    'Culpabilité et autoreproches',
    'Examining "if only" thoughts with care and accuracy.',
    'Examiner les « si seulement » avec bienveillance et justesse.',
  ),
  m(
    'An imagined conversation',
    'Une conversation imaginée',
    'A structured exercise to say what was left unsaid.',
    'Un exercice structuré pour dire ce qui est resté en suspens.',
  ),
  m(
    'Memories beyond the ending',
    'Des souvenirs au-delà de la fin',
    'Bringing back the whole life, not only the last days.',
    'Retrouver toute la vie, et pas seulement les derniers jours.',
  ),
  m(
    'Restoring meaningful activities',
    'Retrouver des activités significatives',
    'Reconnecting with what mattered before, or finding something new.',
    "Renouer avec ce qui comptait avant, ou trouver quelque chose de nouveau.",
  ),
  m(
    'Relationships and support',
    'Relations et soutien',
    'Who is in your corner, and how to let them help.',
    'Qui est de votre côté, et comment les laisser vous aider.',
  ),
  m(
    'Review and plan',
    'Bilan et plan pour la suite',
    'Progress on goals and a plan for the months ahead.',
    'Progrès vers les objectifs et plan pour les mois à venir.',
  ),
];

export const TRAUMA_STABILIZATION: ModuleDef[] = [
  m(
    'Safety and group agreements',
    'Sécurité et ententes de groupe',
    'How we will work together so that everyone can stay within their limits.',
    'Comment travailler ensemble pour que chacun puisse respecter ses limites.',
  ),
  m(
    'Trauma and the body',
    'Le trauma et le corps',
    'Fight, flight, freeze and fawn: understanding reactions as protection.',
    'Combat, fuite, figement, soumission : comprendre les réactions comme des protections.',
  ),
  m(
    'The window of tolerance',
    'La fenêtre de tolérance',
    'Noticing when you are over- or under-activated.',
    'Remarquer quand on est suractivé ou sous-activé.',
  ),
  m(
    'Grounding skills',
    "Techniques d'ancrage",
    'Senses, breath and movement to come back to the present.',
    'Les sens, le souffle et le mouvement pour revenir au moment présent.',
  ),
  m(
    'Triggers and responses',
    'Déclencheurs et réactions',
    'Mapping personal triggers and planning responses ahead of time.',
    "Repérer ses déclencheurs et planifier ses réponses à l'avance.",
  ),
  m(
    'Boundaries in relationships',
    'Limites dans les relations',
    'Saying no, asking for what you need, and noticing what feels safe.',
    'Dire non, demander ce dont on a besoin et remarquer ce qui nous sécurise.',
  ),
  m(
    'Self-compassion after trauma',
    'Autocompassion après un trauma',
    'Softening shame and the inner critic.',
    'Adoucir la honte et le critique intérieur.',
  ),
  m(
    'Consolidating and next steps',
    'Consolider et prochaines étapes',
    'A personal toolkit and options for further therapy.',
    'Une trousse d’outils personnelle et les options pour poursuivre la thérapie.',
  ),
];

export const TRAUMATIC_GRIEF: ModuleDef[] = [
  m(
    'Framework and safety',
    'Cadre et sécurité',
    'Confidentiality online, a crisis plan for each person, and group agreements.',
    'Confidentialité en ligne, plan de crise personnel et ententes de groupe.',
  ),
  m(
    'The shock of a sudden death',
    "Le choc d'un décès soudain",
    'Why a sudden or violent loss is different, and what is normal afterwards.',
    "Pourquoi une perte soudaine ou violente est différente, et ce qui est normal ensuite.",
  ),
  m(
    'Intrusive images and nightmares',
    'Images intrusives et cauchemars',
    'Understanding intrusive memories and learning ways to settle them.',
    'Comprendre les souvenirs envahissants et apprendre à les apaiser.',
  ),
  m(
    'The question of why',
    'La question du pourquoi',
    'Living with questions that may never have a full answer.',
    'Vivre avec des questions qui n’auront peut-être jamais de réponse complète.',
  ),
  m(
    'Stigma and silence',
    'Stigmate et silence',
    'What to tell people, what to keep private, and how to handle reactions.',
    'Quoi dire, quoi garder pour soi, et comment composer avec les réactions.',
  ),
  m(
    'Guilt and responsibility',
    'Culpabilité et responsabilité',
    'Sorting what was in our hands from what never was.',
    'Distinguer ce qui dépendait de nous de ce qui n’en a jamais dépendu.',
  ),
  m(
    'Rebuilding a story',
    'Reconstruire un récit',
    'Placing the death within the whole story of the person’s life.',
    'Replacer le décès dans l’ensemble de la vie de la personne.',
  ),
  m(
    'Preparing for hard dates',
    'Se préparer aux dates difficiles',
    'A plan for anniversaries and a review of the eight sessions.',
    'Un plan pour les anniversaires et un bilan des huit séances.',
  ),
];

export const MENS_GRIEF: ModuleDef[] = [
  m(
    'How men grieve',
    'Le deuil au masculin',
    'What is different, what is the same, and why many men grieve quietly.',
    'Ce qui diffère, ce qui se ressemble, et pourquoi beaucoup d’hommes vivent leur deuil en silence.',
  ),
  m(
    'Grieving through doing',
    'Vivre son deuil en agissant',
    'Building, fixing, running: action as a legitimate way to grieve.',
    "Construire, réparer, courir : l'action comme façon légitime de vivre son deuil.",
  ),
  m(
    'Anger and numbness',
    'Colère et engourdissement',
    'The feelings that show up instead of tears, and what they are saying.',
    'Les émotions qui prennent la place des larmes, et ce qu’elles disent.',
  ),
  m(
    'Ways to not feel',
    'Les façons de ne pas ressentir',
    'Alcohol, overwork and screens: an honest look without lectures.',
    "L'alcool, le surtravail et les écrans : un regard honnête, sans sermon.",
  ),
  m(
    'Talking with kids and family',
    'Parler aux enfants et à la famille',
    'Finding words for the people who look to you.',
    'Trouver les mots pour les personnes qui comptent sur vous.',
  ),
  m(
    'Friendship and isolation',
    'Amitié et isolement',
    'Rebuilding connection when friendships were built around a partner.',
    "Recréer des liens quand les amitiés tournaient autour du couple.",
  ),
  m(
    'Rituals that fit',
    'Des rituels qui nous ressemblent',
    'Marking the loss in ways that feel true, not forced.',
    'Souligner la perte de façons qui sonnent juste, sans rien forcer.',
  ),
  m(
    'Moving forward',
    'Aller de l’avant',
    'Review, goals for the coming months and closing.',
    'Bilan, objectifs pour les prochains mois et clôture.',
  ),
];

export const EXPRESSIVE_ARTS: ModuleDef[] = [
  m(
    'Lines and scribbles',
    'Lignes et gribouillis',
    'Low-pressure warm-ups: no skill needed, no one judges.',
    'Des exercices sans pression : aucun talent requis, aucun jugement.',
  ),
  m(
    'Colour and mood',
    'Couleur et humeur',
    'Painting what anxiety feels like, then what calm feels like.',
    "Peindre ce que l'anxiété fait ressentir, puis ce que le calme fait ressentir.",
  ),
  m(
    'A collage of worries',
    'Un collage des inquiétudes',
    'Giving worries a shape outside the head.',
    'Donner une forme aux inquiétudes, à l’extérieur de la tête.',
  ),
  m(
    'Clay and the body',
    'La glaise et le corps',
    'Working with the hands to notice and release tension.',
    'Travailler avec les mains pour remarquer et relâcher la tension.',
  ),
  m(
    'A safe-place image',
    'Une image de lieu sûr',
    'Creating an image to return to when anxiety rises.',
    "Créer une image vers laquelle revenir quand l'anxiété monte.",
  ),
  m(
    'Exhibit and reflection',
    'Exposition et réflexion',
    'Looking back at the work of six weeks; sharing is optional.',
    'Regarder le travail des six semaines; le partage est facultatif.',
  ),
];

export const DEMENTIA_CAREGIVERS: ModuleDef[] = [
  m(
    'Understanding the disease',
    'Comprendre la maladie',
    'Stages of dementia and what changes to expect.',
    'Les stades des troubles neurocognitifs et les changements à prévoir.',
  ),
  m(
    'Communication that works',
    'Une communication qui fonctionne',
    'Short sentences, entering their reality, and avoiding arguments you cannot win.',
    "Des phrases courtes, entrer dans sa réalité, éviter les débats perdus d'avance.",
  ),
  m(
    'Responding to changing behaviours',
    'Réagir aux changements de comportement',
    'Agitation, wandering and sundowning: causes and practical responses.',
    'Agitation, errance, syndrome crépusculaire : causes et réponses concrètes.',
  ),
  m(
    'Stress and respite',
    'Stress et répit',
    'Recognizing exhaustion and finding respite options in Toronto.',
    "Reconnaître l'épuisement et trouver des services de répit à Toronto.",
  ),
  m(
    'Planning ahead',
    "Planifier l'avenir",
    'Powers of attorney, finances and long-term care applications.',
    'Procurations, finances et demandes de soins de longue durée.',
  ),
  m(
    'Grief before the loss',
    'Le deuil avant la perte',
    'Naming anticipatory grief and keeping a life of your own.',
    'Nommer le deuil anticipé et garder une vie à soi.',
  ),
];

export const DBT_SKILLS: ModuleDef[] = [
  m(
    'Orientation and dialectics',
    'Orientation et dialectique',
    'How the group works, diary cards, and holding two truths at once.',
    'Le fonctionnement du groupe, les fiches journalières et tenir deux vérités à la fois.',
  ),
  m(
    'Wise mind',
    "L'esprit sage",
    'Balancing emotion mind and reasonable mind.',
    "Équilibrer l'esprit émotionnel et l'esprit raisonnable.",
  ),
  m(
    'Mindfulness: what and how',
    'Pleine conscience : quoi et comment',
    'Observe, describe, participate, non-judgmentally and effectively.',
    'Observer, décrire, participer, sans jugement et avec efficacité.',
  ),
  m(
    'Surviving a crisis',
    'Traverser une crise',
    'Fast skills for intense moments: temperature, movement, breathing.',
    'Des habiletés rapides pour les moments intenses : température, mouvement, respiration.',
  ),
  m(
    'Radical acceptance',
    'Acceptation radicale',
    'Accepting reality as it is in order to change what can be changed.',
    'Accepter la réalité telle qu’elle est pour changer ce qui peut l’être.',
  ),
  m(
    'Understanding emotions',
    'Comprendre les émotions',
    'What emotions do for us and how to name them precisely.',
    'À quoi servent les émotions et comment les nommer avec précision.',
  ),
  m(
    'Opposite action',
    'Action opposée',
    'Acting against an emotion’s urge when it does not fit the facts.',
    "Agir à l'inverse de l'impulsion quand l'émotion ne correspond pas aux faits.",
  ),
  m(
    'Reducing vulnerability',
    'Réduire la vulnérabilité',
    'Sleep, eating, movement and building positive experiences.',
    "Sommeil, alimentation, mouvement et accumulation d'expériences positives.",
  ),
  m(
    'Asking for what you need',
    'Demander ce dont on a besoin',
    'Structured scripts for requests and refusals.',
    'Des scénarios structurés pour demander et refuser.',
  ),
  m(
    'Relationships and self-respect; review',
    'Relations et respect de soi; bilan',
    'Keeping relationships and self-respect intact, and a review of the ten weeks.',
    'Préserver ses relations et son respect de soi, et bilan des dix semaines.',
  ),
];

export const MINDFUL_GRIEF: ModuleDef[] = [
  m(
    'Arriving in the present',
    'Arriver dans le moment présent',
    'A first short practice and what mindfulness can and cannot do in grief.',
    'Une première courte pratique, et ce que la pleine conscience peut et ne peut pas faire en deuil.',
  ),
  m(
    'The breath as an anchor',
    'Le souffle comme ancrage',
    'Coming back to the breath when the mind races.',
    "Revenir au souffle quand l'esprit s'emballe.",
  ),
  m(
    'Making room for sadness',
    'Faire de la place à la tristesse',
    'Letting a wave of sorrow come and go without fighting it.',
    'Laisser une vague de tristesse venir et repartir sans la combattre.',
  ),
  m(
    'Thoughts that go in circles',
    'Les pensées qui tournent en rond',
    'Noticing rumination and stepping out of the loop.',
    'Remarquer la rumination et sortir de la boucle.',
  ),
  m(
    'Kindness toward yourself',
    'Bienveillance envers soi',
    'A loving-kindness practice adapted for people in mourning.',
    'Une pratique de bienveillance adaptée aux personnes endeuillées.',
  ),
  m(
    'A practice for hard days',
    'Une pratique pour les jours difficiles',
    'Putting together a short routine for the evenings that are hardest.',
    'Composer une courte routine pour les soirées les plus difficiles.',
  ),
];
