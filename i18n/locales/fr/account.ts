import type en from '../en/account';
import type { Catalog } from '../catalog-type';

// Chaînes françaises des comptes d’organisateur. Mêmes clés que en/account.ts.
const account: Catalog<typeof en> = {
  organize: 'Organiser',
  signedInAs: 'Connecté : {{name}}',
  signIn: {
    title: 'Connectez-vous pour animer vos groupes',
    lead: 'Les organisateurs, animateurs et administrateurs se connectent ici. Pour rejoindre un groupe, aucun compte n’est nécessaire.',
    email: 'Courriel',
    password: 'Mot de passe',
    submit: 'Me connecter',
    forgot: 'Mot de passe oublié?',
    noAccount: 'Nouveau sur Cercle?',
    createAccount: 'Créer un compte d’organisateur',
    magicTitle: 'Ou recevez un lien de connexion par courriel',
    magicHint: 'Nous vous envoyons un lien qui vous connecte une fois, pendant cinq minutes. Aucun mot de passe requis.',
    magicSubmit: 'M’envoyer un lien de connexion',
    magicSent: 'Si un compte utilise {{email}}, un lien de connexion est en route. Consultez votre boîte de réception.',
    verifyFirst: 'Confirmez d’abord votre adresse courriel : nous venons de vous envoyer un nouveau lien.',
  },
  signInCommunity: {
    title: 'Connexion à vos communautés',
    lead: 'Les membres des communautés en ligne de Cercle se connectent ici pour lire et écrire.',
    createAccount: 'Créer un compte',
  },
  signUp: {
    title: 'Créer un compte d’organisateur',
    lead: 'Pour publier des groupes, recevoir des inscriptions et animer des rencontres. Nous vous envoyons un lien pour confirmer votre adresse.',
    name: 'Votre nom',
    nameHint: 'Visible par les membres de vos organismes.',
    email: 'Courriel',
    password: 'Mot de passe',
    passwordHint: 'Au moins 10 caractères. Quelques mots sans lien entre eux font un mot de passe solide.',
    submit: 'Créer mon compte',
    haveAccount: 'Vous avez déjà un compte?',
  },
  signUpCommunity: {
    title: 'Créer un compte',
    lead: 'Pour vous joindre aux communautés en ligne de Cercle. Dans une communauté, les membres ne voient que le pseudonyme que vous choisissez; votre courriel reste privé. Nous vous envoyons un lien pour confirmer votre adresse.',
    name: 'Pseudonyme',
    nameHint: 'Ce n’est pas forcément votre vrai nom. Vous pourrez le changer en vous joignant à une communauté.',
  },
  checkEmail: {
    title: 'Consultez vos courriels',
    body: 'Nous avons envoyé un lien à {{email}}. Ouvrez-le pour confirmer votre adresse; il est valable une heure.',
    bodyNoEmail: 'Nous vous avons envoyé un lien. Ouvrez-le pour confirmer votre adresse; il est valable une heure.',
    spam: 'Rien après quelques minutes? Regardez dans vos courriels indésirables, ou connectez-vous de nouveau pour recevoir un autre lien.',
  },
  forgot: {
    title: 'Mot de passe oublié?',
    lead: 'Entrez l’adresse courriel de votre compte et nous vous enverrons un lien pour choisir un nouveau mot de passe.',
    email: 'Courriel',
    submit: 'M’envoyer un lien',
    sent: 'Si un compte utilise {{email}}, un lien pour choisir un nouveau mot de passe est en route.',
  },
  reset: {
    title: 'Choisir un nouveau mot de passe',
    password: 'Nouveau mot de passe',
    submit: 'Enregistrer mon nouveau mot de passe',
    done: 'Votre mot de passe est changé. Vous pouvez maintenant vous connecter avec celui-ci.',
    missingToken: 'Ce lien est incomplet. Demandez-en un nouveau.',
  },
  header: {
    signedInAs: 'Compte : {{name}}',
    signOut: 'Se déconnecter',
  },
  signOut: {
    title: 'Déconnexion',
    submit: 'Me déconnecter',
    done: 'Vous êtes déconnecté.',
  },
  errors: {
    summary: 'Veuillez corriger ce qui suit :',
    required: 'Ce champ est obligatoire.',
    email: 'Entrez une adresse courriel valide.',
    passwordShort: 'Utilisez au moins 10 caractères.',
    passwordLong: 'Utilisez au plus 128 caractères.',
    invalidCredentials: 'Ce courriel et ce mot de passe ne correspondent à aucun compte.',
    exists: 'Un compte utilise déjà ce courriel. Connectez-vous ou réinitialisez votre mot de passe.',
    tooMany: 'Trop de tentatives. Attendez quelques minutes, puis réessayez.',
    invalidToken: 'Ce lien n’est plus valide. Demandez-en un nouveau.',
    csrf: 'Ce formulaire a expiré. Rechargez la page et réessayez.',
    generic: 'Une erreur s’est produite. Veuillez réessayer.',
  },
};

export default account;
