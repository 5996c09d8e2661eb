// Values the pages show, without anything of the server: code that runs in the browser imports them from here.

/** The states of a comment on an article, in the order the moderation page offers them. */
export const COMMENT_QUEUES = ['pending', 'approved', 'rejected', 'spam'] as const;
