import type { SeedArticle } from './types';

export const whenGroupTherapy: SeedArticle = {
  key: 'when-group-therapy',
  topics: ['mental-health'],
  kinds: ['group_therapy'],
  en: {
    slug: 'when-group-therapy-is-the-right-step',
    title: 'When group therapy is the right step',
    summary: 'How group therapy differs from a support group, the signs that it may help, what a licensed therapist is, and what to ask before you start.',
    body: `A support group offers understanding and company. Group therapy offers treatment. Both happen in a circle of people, which is why they are easily confused — but they do different work.

## How group therapy differs

- It is led by a **licensed therapist**: a psychologist, psychotherapist, social worker or other professional who belongs to a regulatory college or order, is accountable to it, and may only practise within its rules.
- It has **goals and a method** — for example cognitive behavioural therapy for anxiety, or dialectical behaviour therapy skills for intense emotions.
- It usually starts with an **intake conversation** to check that the group fits you and that you are safe to take part.
- It is generally a **closed group** with a fixed number of sessions, and often has a fee. Many insurance plans reimburse it when the therapist is licensed; ask for receipts.

## Signs it may be the right step

- What you are going through has lasted for weeks and gets in the way of work, sleep or relationships.
- You have tried talking with friends or a peer group and want something more structured.
- A doctor or counsellor has suggested it.
- You want to learn specific skills alongside others working on the same thing.

## How to check a therapist's licence

On Cercle, a group marked as licensed shows the facilitator's licence number and the body that issued it; our team checks them. You can also look the person up in the public register of their college or order.

## Questions worth asking

- What approach does the group use, and what will we work on?
- How many sessions are there, and what happens if I miss one?
- What does it cost, and will I get receipts for insurance?
- What if I find it is not for me?

Group therapy is not for emergencies. If you are thinking of ending your life, call or text 988 in Canada, at any hour.`,
  },
  fr: {
    slug: 'quand-la-therapie-de-groupe-est-la-bonne-etape',
    title: 'Quand la thérapie de groupe est la bonne étape',
    summary: "Ce qui distingue la thérapie de groupe d'un groupe de soutien, les signes qu'elle peut aider, ce qu'est un thérapeute membre d'un ordre professionnel, et quoi demander avant de commencer.",
    body: `Un groupe de soutien offre de la compréhension et de la présence. La thérapie de groupe offre un traitement. Les deux se vivent en cercle, ce qui explique qu'on les confonde, mais ils ne font pas le même travail.

## Ce qui distingue la thérapie de groupe

- Elle est offerte par une ou un **thérapeute membre d'un ordre professionnel** : psychologue, psychothérapeute, travailleuse sociale ou autre professionnel titulaire d'un permis, qui répond de sa pratique devant son ordre et doit en respecter les règles.
- Elle a **des objectifs et une méthode** — par exemple la thérapie cognitivo-comportementale pour l'anxiété, ou les habiletés de la thérapie comportementale dialectique pour les émotions intenses.
- Elle commence habituellement par **une rencontre d'accueil** pour vérifier que le groupe vous convient et que vous pouvez y participer en sécurité.
- C'est le plus souvent **un groupe fermé** d'un nombre fixe de séances, souvent payant. Beaucoup d'assurances la remboursent quand la ou le thérapeute est titulaire d'un permis : demandez des reçus.

## Les signes qu'elle peut être la bonne étape

- Ce que vous vivez dure depuis des semaines et nuit à votre travail, à votre sommeil ou à vos relations.
- Vous en avez parlé à vos proches ou dans un groupe d'entraide, et vous cherchez quelque chose de plus structuré.
- Un médecin ou une intervenante vous l'a suggérée.
- Vous voulez apprendre des habiletés précises avec d'autres personnes qui travaillent sur la même chose.

## Vérifier le permis d'une ou d'un thérapeute

Sur Cercle, un groupe indiqué comme offert par un thérapeute titulaire d'un permis montre le numéro de permis et l'ordre qui l'a délivré; notre équipe les vérifie. Vous pouvez aussi consulter le tableau public de l'ordre professionnel.

## Des questions à poser

- Quelle approche le groupe utilise-t-il, et sur quoi travaillerons-nous?
- Combien y a-t-il de séances, et que se passe-t-il si j'en manque une?
- Combien cela coûte-t-il, et recevrai-je des reçus pour les assurances?
- Et si je constate que ce n'est pas pour moi?

La thérapie de groupe n'est pas faite pour les urgences. Si vous pensez à mettre fin à vos jours, appelez ou textez le 988, au Canada, à toute heure.`,
  },
};
