import type en from '../en/email';
import type { Catalog } from '../catalog-type';

// Chaînes françaises des courriels. Mêmes clés que en/email.ts.
const email: Catalog<typeof en> = {
  greeting: 'Bonjour {{name}},',
  greetingNoName: 'Bonjour,',
  account_verify: {
    subject: 'Confirmez votre adresse courriel pour Cercle',
    body: 'Vous avez créé un compte d’organisateur sur Cercle. Confirmez que cette adresse est bien la vôtre pour commencer à publier et à animer des groupes. Le lien est valable une heure.',
    action: 'Confirmer mon adresse courriel',
  },
  password_reset: {
    subject: 'Choisissez un nouveau mot de passe Cercle',
    body: 'Quelqu’un a demandé à réinitialiser le mot de passe du compte Cercle associé à cette adresse. Si c’est vous, choisissez un nouveau mot de passe avec le lien ci-dessous; il est valable une heure. Sinon, vous pouvez ignorer ce message.',
    action: 'Choisir un nouveau mot de passe',
  },
  magic_link: {
    subject: 'Votre lien pour vous connecter à Cercle',
    body: 'Utilisez le lien ci-dessous pour vous connecter à Cercle. Il ne fonctionne qu’une fois, pendant cinq minutes. Si vous ne l’avez pas demandé, vous pouvez ignorer ce message.',
    action: 'Me connecter à Cercle',
  },
  member_invite: {
    subject: 'Joignez-vous à {{organization}} sur Cercle',
    body: '{{inviter}} vous invite à vous joindre à {{organization}} sur Cercle (rôle : {{role}}). Connectez-vous (ou créez un compte) avec cette adresse courriel, puis acceptez l’invitation. Le lien est valable sept jours.',
    action: 'Voir l’invitation',
  },
  licence_verified: {
    subject: 'Permis vérifié : {{facilitator}}',
    body: 'Une personne administratrice de Cercle a vérifié le permis de {{facilitator}} ({{organization}}). Ses groupes peuvent maintenant l’afficher, et la thérapie de groupe qu’elle anime peut être publiée.',
    action: 'Voir les animateurs et animatrices',
  },
  licence_rejected: {
    subject: 'Permis non vérifié : {{facilitator}}',
    body: 'Une personne administratrice de Cercle n’a pas pu vérifier le permis de {{facilitator}} ({{organization}}). La raison est indiquée ci-dessous. Corrigez les renseignements, puis soumettez le permis de nouveau.',
    action: 'Corriger le permis',
  },
  group_unpublished_licence_identity: {
    subject: 'Groupe retiré du site : {{group}}',
    body: 'Le nom ou le compte de la fiche d’animation {{facilitator}} ({{organization}}) a été modifié après la vérification de son permis. Un permis vérifié appartient à une seule personne nommée : il est donc de nouveau en vérification, et « {{group}} », qui en dépendait, est revenu à l’état de brouillon et n’apparaît plus sur Cercle. Les personnes déjà inscrites conservent leur place. Une fois le permis vérifié de nouveau par une personne administratrice, publiez le groupe de nouveau.',
    action: 'Ouvrir le groupe',
  },
  group_unpublished_licence: {
    subject: 'Groupe retiré du site : {{group}}',
    body: '« {{group}} » ({{organization}}) est revenu à l’état de brouillon et n’apparaît plus sur Cercle : un groupe animé par une personne titulaire d’un permis doit compter une animatrice ou un animateur dont le permis est vérifié, et le permis de {{facilitator}} n’est plus vérifié. Les personnes déjà inscrites conservent leur place. Associez au groupe une personne dont le permis est vérifié, ou faites vérifier le permis de nouveau, puis publiez le groupe de nouveau.',
    action: 'Ouvrir le groupe',
  },
  community_approved: {
    subject: 'Bienvenue dans {{community}}',
    body: 'Votre demande d’adhésion à {{community}} sur Cercle est acceptée. Vous pouvez maintenant lire, publier et répondre; pour chaque publication, vous choisissez si votre pseudonyme s’affiche ou si elle paraît écrite par un membre anonyme.',
    action: 'Ouvrir la communauté',
  },
  community_declined: {
    subject: 'Votre demande d’adhésion à {{community}}',
    body: 'L’équipe de modération de {{community}} n’a pas accepté votre demande cette fois-ci. Si elle a donné une raison, vous la trouverez plus bas. D’autres groupes de Cercle pourraient vous convenir; la page de la communauté les présente.',
    action: 'Voir la communauté et d’autres groupes',
  },
  community_removed: {
    subject: 'Un de vos messages dans {{community}} a été retiré',
    body: 'L’équipe de modération de {{community}} a retiré une de vos publications ou un de vos commentaires : les autres membres ne le voient plus. Sa raison figure plus bas. Vous le voyez encore sur la page de la communauté, avec la mention « retiré ». Si vous pensez qu’il s’agit d’une erreur, vous pouvez le lui dire dans la communauté.',
    action: 'Ouvrir la communauté',
  },
  community_muted: {
    subject: 'Vous pouvez lire {{community}}, mais pas écrire, jusqu’au {{until}}',
    body: 'L’équipe de modération de {{community}} a suspendu votre droit d’écrire jusqu’au {{until}} : d’ici là, vous pouvez lire, mais pas publier, répondre ni réagir. Sa raison figure plus bas.',
    action: 'Ouvrir la communauté',
  },
  community_banned: {
    subject: 'Vous n’avez plus accès à {{community}}',
    body: 'L’équipe de modération de {{community}} vous a retiré de la communauté : vous ne pouvez plus la lire ni demander à la rejoindre. Sa raison figure plus bas. D’autres groupes de Cercle pourraient vous convenir.',
    action: 'Voir d’autres groupes',
  },
  community_reply: {
    subject: '{{who}} a répondu dans {{community}}',
    body: '{{who}} a répondu à ce que vous avez écrit dans {{community}}. La réponse est sur Cercle, pour les membres seulement.',
    action: 'Lire la réponse',
    unsubscribe: 'Ne plus recevoir de courriels au sujet des réponses dans cette communauté',
  },
  community_digest: {
    subject: 'Nouvelles publications dans {{community}}',
    body: 'Voici ce que les membres ont écrit dans {{community}} depuis votre dernier résumé.',
    action: 'Ouvrir la communauté',
    unsubscribe: 'Ne plus recevoir ce résumé quotidien',
  },
  community_message: {
    subject: 'Un message privé dans {{community}}',
    body: 'Un membre de {{community}} vous a écrit un message privé sur Cercle. Pour le lire et y répondre, ouvrez la conversation.',
    action: 'Lire le message',
    unsubscribe: 'Ne plus recevoir de courriels au sujet des messages privés de cette communauté',
  },
  article_confirm: {
    subject: 'Confirmez votre abonnement aux nouveaux articles de Cercle',
    body: 'Quelqu’un, probablement vous, a demandé à recevoir les nouveaux articles de Cercle à cette adresse. Rien ne sera envoyé avant votre confirmation. Si ce n’était pas vous, ignorez ce courriel.',
    action: 'Confirmer mon abonnement',
  },
  article_already: {
    subject: 'Votre abonnement aux nouveaux articles de Cercle',
    body: 'Quelqu’un, probablement vous, a demandé de nouveau à recevoir les nouveaux articles de Cercle à cette adresse. Vous êtes déjà abonné; rien n’a changé. Vous pouvez choisir des sujets ou arrêter les courriels depuis la page de votre abonnement.',
    action: 'Voir mon abonnement',
  },
  article_new: {
    subject: 'Nouveau sur Cercle : {{title}}',
    body: 'Un nouvel article a été publié : {{title}}.',
    action: 'Lire l’article',
    unsubscribe: 'Choisir des sujets ou arrêter ces courriels',
  },
  signature: 'L’équipe de Cercle',
  manage: 'Voir ou modifier vos inscriptions',
  replyHint: 'Pour répondre, répondez simplement à ce courriel : votre réponse va à {{organization}} ({{email}}), pas à Cercle.',
  manageHint: 'Ce lien est personnel : il vous permet de voir vos inscriptions, d’annuler, et de télécharger ou de supprimer vos données.',
  unsubscribe: 'Ne plus recevoir de rappels',
  crisis: 'En crise? Au Canada et aux États-Unis, appelez ou textez le 988. En cas d’urgence, composez le 911.',
  when: 'Quand : {{when}}',
  where: 'Où : {{where}}',
  online: 'En ligne',
  joinLink: 'Lien pour vous joindre : {{url}}',
  linkLater: 'Le lien pour participer en ligne vous sera envoyé avant la rencontre.',
  icsHint: 'Le fichier de calendrier joint l’ajoute à votre agenda.',
  icsUpdateHint: 'Le fichier de calendrier joint met cette rencontre à jour dans votre agenda.',
  icsCancelHint: 'Le fichier de calendrier joint retire cette rencontre de votre agenda.',
  previousWhen: 'Date prévue auparavant : {{when}}',
  newWhen: 'Nouvelle date : {{when}}',
  // Mode discret (issue 36) : ce qui se voit avant d’ouvrir le message ne dit rien du groupe.
  discreet: {
    subject: {
      reservation: 'Votre réservation',
      reminder: 'Un rappel',
      change: 'Un changement à votre rendez-vous',
      message: 'Un message à propos de votre rendez-vous',
    },
    opening: {
      reservation: 'Il y a du nouveau pour votre réservation. Les détails suivent.',
      reminder: 'Voici un rappel de votre prochain rendez-vous. Les détails suivent.',
      change: 'Votre rendez-vous a changé. Les détails suivent.',
      message: 'Vous avez un message à propos de votre rendez-vous. Le voici.',
    },
    replyHint: 'Pour répondre aux organisateurs, répondez à ce courriel.',
    event: 'Rendez-vous',
  },
  registration_confirmed: {
    subject: 'Votre inscription est confirmée : {{group}}',
    body: 'Votre place est confirmée pour {{group}}.',
  },
  registration_waitlisted: {
    subject: 'Vous êtes sur la liste d’attente : {{group}}',
    body: 'Cette rencontre de {{group}} est complète : vous êtes sur la liste d’attente, en position {{position}}. Si une place se libère, elle vous sera attribuée automatiquement et nous vous écrirons.',
  },
  registration_promoted: {
    subject: 'Une place s’est libérée : {{group}}',
    body: 'Bonne nouvelle : une place s’est libérée et elle est à vous. Votre place est maintenant confirmée pour {{group}}.',
  },
  registration_cancelled: {
    subject: 'Inscription annulée : {{group}}',
    body: 'Votre inscription à {{group}} est annulée. Vous êtes la bienvenue ou le bienvenu en tout temps.',
  },
  application_received: {
    subject: 'Demande reçue : {{group}}',
    body: 'Nous avons bien reçu votre demande d’inscription à {{group}} ({{dates}}). Les organisateurs vous répondront.',
  },
  application_accepted: {
    subject: 'Votre demande est acceptée : {{group}}',
    body: 'Votre demande pour {{group}} ({{dates}}) est acceptée. Le groupe compte sur la présence de chaque membre du début à la fin.',
  },
  application_waitlisted: {
    subject: 'Vous êtes sur la liste d’attente : {{group}}',
    body: 'Le groupe {{group}} ({{dates}}) est complet : votre demande est sur la liste d’attente, en position {{position}}.',
  },
  application_declined: {
    subject: 'Votre demande d’inscription : {{group}}',
    body: 'Votre demande pour {{group}} ({{dates}}) n’a pas pu être acceptée cette fois-ci.',
  },
  application_withdrawn: {
    subject: 'Demande retirée : {{group}}',
    body: 'Votre demande pour {{group}} ({{dates}}) est retirée.',
  },
  cohort_confirmed: {
    subject: 'Le groupe aura lieu : {{group}}',
    body: 'Assez de personnes se sont inscrites : {{group}} ({{dates}}) est confirmé.',
  },
  cohort_postponed: {
    subject: 'Le groupe est reporté : {{group}}',
    body: 'Il n’y a pas encore assez de personnes inscrites à {{group}} ({{dates}}) : le groupe est reporté. Votre demande est conservée pour la nouvelle date; vous pouvez la retirer en tout temps.',
  },
  organizer_message: {
    subject: 'Un message de l’équipe organisatrice de {{group}}',
    body: 'Les organisateurs et organisatrices de {{group}} ont écrit aux personnes inscrites. Leur message se trouve plus bas.',
  },
  session_cancelled: {
    subject: 'Rencontre annulée : {{group}}',
    body: 'Cette rencontre de {{group}} est annulée. La raison donnée par l’équipe organisatrice se trouve plus bas.',
  },
  session_postponed: {
    subject: 'Rencontre reportée : {{group}}',
    body: 'Cette rencontre de {{group}} est reportée au moment indiqué ci-dessous. Votre place est conservée. La raison donnée par l’équipe organisatrice se trouve plus bas.',
  },
  session_moved_online: {
    subject: 'Rencontre tenue en ligne : {{group}}',
    body: 'Cette rencontre de {{group}} se tiendra en ligne plutôt qu’en personne. La raison donnée par l’équipe organisatrice se trouve plus bas.',
  },
  session_make_up: {
    subject: 'Rencontre de remplacement prévue : {{group}}',
    body: 'Une rencontre de remplacement de {{group}} ({{dates}}) remplace celle qui a été annulée. Elle fait partie de votre groupe, au moment indiqué ci-dessous.',
  },
  registration_already: {
    subject: 'Vous avez déjà une place : {{group}}',
    body: 'Quelqu’un, sans doute vous, vient de s’inscrire à cette rencontre de {{group}} avec cette adresse. Elle a déjà une place (ou une place sur la liste d’attente) : rien n’a changé. Le lien ci-dessous vous la montre.',
  },
  application_already: {
    subject: 'Vous avez déjà fait une demande : {{group}}',
    body: 'Quelqu’un, sans doute vous, vient de faire une demande pour {{group}} ({{dates}}) avec cette adresse. Une demande de cette adresse est déjà en cours : rien n’a changé. Le lien ci-dessous vous la montre.',
  },
  hold: {
    subject: 'Confirmez votre place : {{group}}',
    registration_confirmed: 'Nous vous gardons une place pour {{group}} jusqu’à {{until}}. Pour qu’elle soit à vous, ouvrez le lien ci-dessous : il nous montre que cette adresse courriel est la vôtre. Sinon, la place ira à quelqu’un d’autre.',
    registration_waitlisted: 'Cette rencontre de {{group}} est complète : vous êtes en position {{position}} sur la liste d’attente. Pour garder votre rang, ouvrez le lien ci-dessous avant {{until}} : il nous montre que cette adresse courriel est la vôtre.',
    application_received: 'Nous avons bien reçu votre demande pour {{group}} ({{dates}}). Pour la transmettre à l’équipe organisatrice, ouvrez le lien ci-dessous avant {{until}} : il nous montre que cette adresse courriel est la vôtre.',
    application_accepted: 'Une place pour {{group}} ({{dates}}) vous est gardée jusqu’à {{until}}. Pour qu’elle soit à vous, ouvrez le lien ci-dessous : il nous montre que cette adresse courriel est la vôtre.',
    application_waitlisted: 'Le groupe {{group}} ({{dates}}) est complet : votre demande est en position {{position}} sur la liste d’attente. Pour la garder, ouvrez le lien ci-dessous avant {{until}} : il nous montre que cette adresse courriel est la vôtre.',
    action: 'Confirmer ma place',
    linkAfter: 'Une fois votre place confirmée, le lien pour vous joindre en ligne se trouve sur la page qui s’ouvre.',
  },
  session_reminder: {
    subject: 'Rappel : {{group}}',
    body: 'Petit rappel : {{group}} se réunit bientôt.',
  },
};

export default email;
