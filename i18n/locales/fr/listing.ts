import type en from '../en/listing';
import type { Catalog } from '../catalog-type';

// Chaînes françaises de la zone « listing ». Mêmes clés que en/listing.ts.
const listing: Catalog<typeof en> = {
  embed: {
    title: 'Groupes de {{name}}',
    next: 'Prochaine rencontre : {{when}}',
    noSession: 'Prochaine date à venir',
    empty: 'Aucun groupe n’est affiché pour le moment.',
    by: 'Répertorié sur Cercle',
    newWindow: '(s’ouvre dans une nouvelle fenêtre)',
  },
  calendar: {
    search: 'Cercle : groupes',
    searchNamed: 'Cercle : « {{words}} »',
    cancelled: 'Annulée : {{title}}',
    postponed: '{{title}} (nouvelle date)',
    movedOnline: '{{title}} (tenue en ligne)',
    reason: 'Motif : {{reason}}',
    speaker: 'Conférencier ou conférencière invité·e : {{name}}',
    onlineLink: 'Le lien pour participer en ligne est envoyé seulement aux personnes dont l’inscription est confirmée.',
    details: 'Détails : {{url}}',
    online: 'En ligne',
    hybridLocation: '{{address}} (ou en ligne)',
  },
  addToCalendar: 'Ajouter à mon agenda',
  calendarTitle: 'Agenda',
  addSchedule: 'Ajouter tout l’horaire à mon agenda',
  calendarHint: 'Les fichiers d’agenda (.ics) fonctionnent avec la plupart des applications d’agenda. Fuseau horaire : {{zone}}. Les changements apportés plus tard à une rencontre n’arrivent pas d’eux-mêmes dans votre agenda : consultez cette page avant de vous déplacer.',
  originally: 'prévue d’abord le {{date}}',
  waitlist_one: '{{count}} personne sur la liste d’attente',
  waitlist_other: '{{count}} personnes sur la liste d’attente',
  cohortSessions: 'Dates des rencontres',
  moduleSession: 'Module {{position}} : {{title}}',
  verifiedDetail: 'Permis vérifié par Cercle : {{body}}, {{jurisdiction}}, no {{number}}',
  notVerified: 'Permis pas encore vérifié',
  share: {
    title: 'Partager ce groupe',
    label: 'Adresse de cette page',
    copy: 'Copier le lien',
    share: 'Partager',
    copied: 'Lien copié.',
    copyFailed: 'La copie n’a pas fonctionné : sélectionnez l’adresse et copiez-la.',
  },
  report: {
    link: 'Signaler un problème avec cette fiche',
    title: 'Signaler un problème avec cette fiche',
    lead: 'Dites-nous ce qui ne va pas avec la fiche « {{group}} ». L’équipe de modération lit chaque signalement. N’y indiquez aucun renseignement de santé sur vous ou sur une autre personne.',
    reasonLegend: 'Quel est le problème?',
    reasons: {
      wrong_information: 'Une information est erronée (heure, lieu, coût, coordonnées…)',
      not_running: 'Ce groupe n’existe plus',
      inappropriate: 'Le contenu est inapproprié',
      safety: 'Je m’inquiète pour la sécurité d’une personne',
      other: 'Autre chose',
    },
    details: 'Détails',
    detailsHint: 'Obligatoire si vous avez choisi « Autre chose ». Jusqu’à 4 000 caractères.',
    email: 'Votre courriel (facultatif)',
    emailHint: 'Seulement si vous souhaitez une réponse. Seule l’équipe de modération le voit.',
    submit: 'Envoyer le signalement',
    sentTitle: 'Merci',
    sent: 'Votre signalement a été transmis à l’équipe de modération, qui s’en occupera.',
    backToGroup: 'Retour au groupe',
    errorSummary: 'Le signalement n’a pas été envoyé. Veuillez corriger ce qui suit :',
    errors: {
      fields: {
        reason: { required: 'Choisissez le type de problème.' },
        details: { required: 'Décrivez le problème en quelques mots.', too_long: 'Les détails doivent compter 4 000 caractères ou moins.' },
        email: { invalid_email: 'Entrez une adresse courriel comme nom@exemple.org, ou laissez le champ vide.' },
      },
    },
  },
};

export default listing;
