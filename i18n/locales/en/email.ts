// English strings for emails. fr/email.ts must have exactly the same keys.
const email = {
  greeting: 'Hello {{name}},',
  greetingNoName: 'Hello,',
  account_verify: {
    subject: 'Confirm your email address for Cercle',
    body: 'You created an organizer account on Cercle. Confirm that this address is yours to start publishing and running groups. The link works for one hour.',
    action: 'Confirm my email address',
  },
  password_reset: {
    subject: 'Choose a new Cercle password',
    body: 'Someone asked to reset the password of the Cercle account with this address. If it was you, choose a new password with the link below; it works for one hour. If not, you can ignore this message.',
    action: 'Choose a new password',
  },
  magic_link: {
    subject: 'Your link to sign in to Cercle',
    body: 'Use the link below to sign in to Cercle. It works once, for five minutes. If you did not ask for it, you can ignore this message.',
    action: 'Sign in to Cercle',
  },
  member_invite: {
    subject: 'Join {{organization}} on Cercle',
    body: '{{inviter}} invites you to join {{organization}} on Cercle as {{role}}. Sign in (or create an account) with this email address, then accept the invitation. The link works for seven days.',
    action: 'See the invitation',
  },
  licence_verified: {
    subject: 'Licence verified: {{facilitator}}',
    body: 'A Cercle administrator verified the licence of {{facilitator}} ({{organization}}). Their groups can now show it, and group therapy they lead can be published.',
    action: 'See the facilitators',
  },
  licence_rejected: {
    subject: 'Licence not verified: {{facilitator}}',
    body: 'A Cercle administrator could not verify the licence of {{facilitator}} ({{organization}}). The reason is below. Correct the details and submit the licence again.',
    action: 'Correct the licence',
  },
  group_unpublished_licence: {
    subject: 'Group taken offline: {{group}}',
    body: '“{{group}}” ({{organization}}) is back to draft and no longer appears on Cercle: a group led by a licensed professional must have a facilitator with a verified licence, and the licence of {{facilitator}} is no longer verified. People already registered keep their place. Link a facilitator whose licence is verified, or have the licence verified again, then publish the group again.',
    action: 'Open the group',
  },
  group_unpublished_licence_identity: {
    subject: 'Group taken offline: {{group}}',
    body: 'The name or the account of the facilitator profile {{facilitator}} ({{organization}}) was changed after its licence was verified. A verified licence belongs to one named person, so it is back in review, and “{{group}}”, which relied on it, is back to draft and no longer appears on Cercle. People already registered keep their place. Once an administrator has verified the licence again, publish the group again.',
    action: 'Open the group',
  },
  community_approved: {
    subject: 'Welcome to {{community}}',
    body: 'Your request to join {{community}} on Cercle is approved. You can now read, post and reply; you choose for each post whether your nickname shows or it appears as written by an anonymous member.',
    action: 'Open the community',
  },
  community_declined: {
    subject: 'Your request to join {{community}}',
    body: 'The moderators of {{community}} did not approve your request this time. If they gave a reason, it is below. Other groups on Cercle may suit you; the community page lists them.',
    action: 'See the community and other groups',
  },
  community_removed: {
    subject: 'Something you wrote in {{community}} was removed',
    body: 'The moderators of {{community}} removed one of your posts or comments: the other members no longer see it. Their reason is below. You still see it on the community’s page, marked as removed. If you think it was a mistake, you can write to them by replying in the community.',
    action: 'Open the community',
  },
  community_muted: {
    subject: 'You can read {{community}} but not write until {{until}}',
    body: 'The moderators of {{community}} have paused your writing until {{until}}: until then you can read, but not post, reply or react. Their reason is below.',
    action: 'Open the community',
  },
  community_banned: {
    subject: 'You no longer have access to {{community}}',
    body: 'The moderators of {{community}} have removed you from the community: you can no longer read it or ask to join it again. Their reason is below. Other groups on Cercle may suit you.',
    action: 'See other groups',
  },
  community_reply: {
    subject: '{{who}} replied in {{community}}',
    body: '{{who}} replied to what you wrote in {{community}}. The reply is on Cercle, for members only.',
    action: 'Read the reply',
    unsubscribe: 'Stop emails about replies from this community',
  },
  community_digest: {
    subject: 'New posts in {{community}}',
    body: 'Here is what members wrote in {{community}} since your last digest.',
    action: 'Open the community',
    unsubscribe: 'Stop this daily digest',
  },
  community_message: {
    subject: 'A private message in {{community}}',
    body: 'A member of {{community}} wrote you a private message on Cercle. To read it and answer, open the conversation.',
    action: 'Read the message',
    unsubscribe: 'Stop emails about private messages from this community',
  },
  article_confirm: {
    subject: 'Confirm your subscription to new Cercle articles',
    body: 'Someone, probably you, asked to receive new Cercle articles at this address. Nothing will be sent until you confirm. If it was not you, ignore this email.',
    action: 'Confirm my subscription',
  },
  article_already: {
    subject: 'Your subscription to new Cercle articles',
    body: 'Someone, probably you, asked again to receive new Cercle articles at this address. You are already subscribed; nothing changed. You can choose topics or stop the emails from your subscription’s page.',
    action: 'See my subscription',
  },
  article_new: {
    subject: 'New on Cercle: {{title}}',
    body: 'A new article was published: {{title}}.',
    action: 'Read the article',
    unsubscribe: 'Choose topics or stop these emails',
  },
  signature: 'The Cercle team',
  manage: 'See or change your registrations',
  replyHint: 'To answer, reply to this email: your reply goes to {{organization}} ({{email}}), not to Cercle.',
  manageHint: 'This link is personal: it lets you see your registrations, cancel, and download or delete your data.',
  unsubscribe: 'Stop receiving reminders',
  crisis: 'In crisis? In Canada and the US, call or text 988. In an emergency, call 911.',
  when: 'When: {{when}}',
  where: 'Where: {{where}}',
  online: 'Online',
  joinLink: 'Link to join: {{url}}',
  linkLater: 'The link to join online will be sent to you before the session.',
  icsHint: 'The attached calendar file adds it to your calendar.',
  icsUpdateHint: 'The attached calendar file updates this session in your calendar.',
  icsCancelHint: 'The attached calendar file removes this session from your calendar.',
  previousWhen: 'Was planned for: {{when}}',
  newWhen: 'New time: {{when}}',
  // Discreet mode (issue 36): what shows before the message is opened says nothing of the group.
  discreet: {
    subject: {
      reservation: 'Your reservation',
      reminder: 'A reminder',
      change: 'A change to your appointment',
      message: 'A message about your appointment',
    },
    opening: {
      reservation: 'There is news about your reservation. The details follow.',
      reminder: 'This is a reminder of your upcoming appointment. The details follow.',
      change: 'Something changed about your appointment. The details follow.',
      message: 'You have a message about your appointment. It follows.',
    },
    replyHint: 'To answer the organizers, reply to this email.',
    event: 'Appointment',
  },
  registration_confirmed: {
    subject: 'You are registered: {{group}}',
    body: 'Your place is confirmed for {{group}}.',
  },
  registration_waitlisted: {
    subject: 'You are on the waitlist: {{group}}',
    body: 'This session of {{group}} is full, so you are on the waitlist, in position {{position}}. If a place frees up, you will get it automatically and we will email you.',
  },
  registration_promoted: {
    subject: 'A place opened up: {{group}}',
    body: 'Good news: a place freed up and it is yours. Your place is now confirmed for {{group}}.',
  },
  registration_cancelled: {
    subject: 'Registration cancelled: {{group}}',
    body: 'Your registration for {{group}} is cancelled. You are welcome back any time.',
  },
  application_received: {
    subject: 'Application received: {{group}}',
    body: 'We received your application to {{group}} ({{dates}}). The organizers will get back to you.',
  },
  application_accepted: {
    subject: 'You are accepted: {{group}}',
    body: 'You are accepted in {{group}} ({{dates}}). Remember that the group counts on each member for the whole sequence.',
  },
  application_waitlisted: {
    subject: 'You are on the waitlist: {{group}}',
    body: 'The group {{group}} ({{dates}}) is full, so your application is on the waitlist, in position {{position}}.',
  },
  application_declined: {
    subject: 'About your application: {{group}}',
    body: 'Your application to {{group}} ({{dates}}) could not be accepted this time.',
  },
  application_withdrawn: {
    subject: 'Application withdrawn: {{group}}',
    body: 'Your application to {{group}} ({{dates}}) is withdrawn.',
  },
  cohort_confirmed: {
    subject: 'The group will run: {{group}}',
    body: 'Enough people have joined: {{group}} ({{dates}}) is confirmed.',
  },
  cohort_postponed: {
    subject: 'The group is postponed: {{group}}',
    body: 'Not enough people have joined {{group}} ({{dates}}) yet, so it is postponed. Your application is kept for the new date; you can withdraw it at any time.',
  },
  organizer_message: {
    subject: 'A message from the organizers of {{group}}',
    body: 'The organizers of {{group}} wrote to the people registered. Their message is below.',
  },
  session_cancelled: {
    subject: 'Session cancelled: {{group}}',
    body: 'This session of {{group}} is cancelled. The organizers’ reason is below.',
  },
  session_postponed: {
    subject: 'Session moved to a new time: {{group}}',
    body: 'This session of {{group}} is moved to a new time, shown below. Your place is kept. The organizers’ reason is below.',
  },
  session_moved_online: {
    subject: 'Session moved online: {{group}}',
    body: 'This session of {{group}} will be held online instead of in person. The organizers’ reason is below.',
  },
  session_make_up: {
    subject: 'Make-up session scheduled: {{group}}',
    body: 'A make-up session of {{group}} ({{dates}}) replaces the session that was cancelled. It is part of your group, at the time below.',
  },
  registration_already: {
    subject: 'You already have a place: {{group}}',
    body: 'Someone, probably you, just signed up for this session of {{group}} with this address. It already holds a place (or a place on the waitlist), so nothing changed. The link below shows it.',
  },
  application_already: {
    subject: 'You have already applied: {{group}}',
    body: 'Someone, probably you, just applied to {{group}} ({{dates}}) with this address. An application from this address is already under way, so nothing changed. The link below shows it.',
  },
  hold: {
    subject: 'Confirm your place: {{group}}',
    registration_confirmed: 'We are keeping a place for you in {{group}} until {{until}}. To make it yours, open the link below: it shows us that this email address is yours. If you do not, the place goes to someone else.',
    registration_waitlisted: 'This session of {{group}} is full: you are in position {{position}} on the waitlist. To keep your place in line, open the link below before {{until}}: it shows us that this email address is yours.',
    application_received: 'We have your application to {{group}} ({{dates}}). To send it to the organizers, open the link below before {{until}}: it shows us that this email address is yours.',
    application_accepted: 'A place in {{group}} ({{dates}}) is kept for you until {{until}}. To make it yours, open the link below: it shows us that this email address is yours.',
    application_waitlisted: 'The group {{group}} ({{dates}}) is full: your application is in position {{position}} on the waitlist. To keep it, open the link below before {{until}}: it shows us that this email address is yours.',
    action: 'Confirm my place',
    linkAfter: 'Once you confirm, the link to join online is on the page that opens.',
  },
  session_reminder: {
    subject: 'Reminder: {{group}}',
    body: 'A reminder that {{group}} meets soon.',
  },
} as const;

export default email;
