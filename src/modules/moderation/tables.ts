import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A demand's kinds are its public text (title and content) and its reply, both keyed by the demand's id. */
export const moderatedKinds = ['notice_comment', 'proposal', 'demand', 'reply'] as const;
export type ModeratedKind = (typeof moderatedKinds)[number];

/**
 * What a moderator decided about something a resident published (no row: published as written).
 * `held`: waiting for review (a sensitive word); `hidden`: taken down with a reason the public sees;
 * `redacted`: shown with a passage removed.
 */
export const moderationStates = pgTable(
  'moderation_states',
  {
    kind: text('kind', { enum: moderatedKinds }).notNull(),
    refId: integer('ref_id').notNull(),
    state: text('state', { enum: ['held', 'hidden', 'redacted'] }).notNull(),
    reason: text('reason').notNull(),
    /** The text as it was when the decision was taken (what the moderator saw). */
    original: text('original').notNull(),
    /** For `redacted`: the text shown instead. */
    shown: text('shown'),
    regionPath: text('region_path').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId] }), index('moderation_states_region_idx').on(t.regionPath)],
);

/**
 * What lets the author of a published item (who gave no account, perhaps no phone) learn what
 * moderators decided about it: a random token handed back at submission, kept here as its hash.
 */
export const authorReceipts = pgTable(
  'author_receipts',
  {
    kind: text('kind', { enum: moderatedKinds }).notNull(),
    refId: integer('ref_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId] })],
);
