// Mots français de la page « Naviguer en sécurité ». Mêmes clés que en/safety.ts.
const safety = {
  title: 'Naviguer en sécurité',
  lead: 'Si une personne avec qui vous vivez peut regarder votre téléphone ou votre ordinateur, ces gestes l’empêchent plus facilement de savoir que vous avez cherché du soutien. Aucun n’est parfait : faites ce qui vous semble sûr.',
  sections: {
    exit: {
      title: 'Partir en vitesse',
      body: 'Le bouton « Quitter cette page », en haut de chaque page, ou la touche Maj pressée trois fois de suite, cache Cercle aussitôt et ouvre un site neutre à sa place. Le bouton Retour du navigateur ne fait pas revenir la page.',
    },
    private: {
      title: 'Utiliser une fenêtre privée',
      body: 'Une fenêtre privée (« navigation privée » ou « incognito » selon le navigateur) oublie les pages visitées, ses témoins et ce que vous avez tapé dès que vous la fermez. Ouvrez-en une depuis le menu du navigateur avant de venir sur Cercle, et fermez-la quand vous avez fini.',
    },
    history: {
      title: 'Effacer l’historique',
      body: 'Si vous n’avez pas utilisé de fenêtre privée, vous pouvez retirer les pages visitées dans les réglages d’historique du navigateur. Tout effacer peut attirer l’attention; retirer seulement les pages de Cercle passe généralement inaperçu. Les suggestions qui apparaissent quand vous tapez une adresse viennent de ce même historique.',
    },
    shared: {
      title: 'Sur un appareil partagé',
      body: 'Déconnectez-vous en partant, ne laissez pas le navigateur enregistrer votre mot de passe, et vérifiez si l’appareil affiche aussi vos courriels ou votre agenda à d’autres. Un ordinateur de bibliothèque, du travail ou chez une amie peut être plus sûr que celui de la maison.',
    },
    discreet: {
      title: 'Courriels et entrées d’agenda discrets',
      body: 'Quand vous vous inscrivez à une rencontre ou faites une demande pour un groupe, vous pouvez demander des courriels discrets : leur objet, leur expéditeur et leur aperçu ne disent rien du groupe, et les entrées d’agenda s’appellent simplement « Rendez-vous ». Vous pouvez activer ou désactiver ce choix à tout moment depuis le lien personnel de vos courriels. Une adresse courriel que vous seul·e pouvez ouvrir reste le plus sûr.',
    },
    danger: {
      title: 'Si vous êtes en danger',
      body: 'Si vous êtes en danger maintenant, composez le 911. Une maison d’hébergement ou une ligne d’écoute près de chez vous peut vous aider à préparer un plan pour rester en sécurité, y compris pour les personnes et les animaux qui dépendent de vous.',
    },
  },
};

export default safety;
