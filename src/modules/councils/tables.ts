import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { demands } from '../demands/tables.js';
import { initiatives } from '../initiatives/tables.js';
import { regions, units } from '../regions/tables.js';

export const parties = ['party_org', 'residents_committee', 'owners_committee', 'property_company', 'resident_rep'] as const;
export type Party = (typeof parties)[number];

export const actionItemStates = ['open', 'done', 'overdue'] as const;

/** 四方议事会 of one community. */
export const councils = pgTable('councils', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  regionId: integer('region_id')
    .notNull()
    .references(() => regions.id),
  name: text('name').notNull(),
  /** Share of seats that must be present (default: more than half). */
  quorumPercent: integer('quorum_percent').notNull().default(50),
  /** How a vote passes: more than half of the seats present (default), of all seats, or two thirds of those present. */
  voteRule: text('vote_rule', { enum: ['majority_present', 'majority_seats', 'two_thirds_present'] })
    .notNull()
    .default('majority_present'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const councilSeats = pgTable(
  'council_seats',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id),
    party: text('party', { enum: parties }).notNull(),
    holderName: text('holder_name').notNull(),
    userId: integer('user_id').references(() => users.id),
    /** Where the holder hears of a meeting by SMS (a resident representative has no account); else the account's phone. */
    phone: text('phone'),
    position: text('position', { enum: ['chair', 'secretary', 'member'] })
      .notNull()
      .default('member'),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
  },
  (t) => [index('council_seats_council_idx').on(t.councilId)],
);

export const councilMeetings = pgTable('council_meetings', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  councilId: integer('council_id')
    .notNull()
    .references(() => councils.id),
  title: text('title').notNull(),
  place: text('place').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  status: text('status', { enum: ['scheduled', 'closed'] })
    .notNull()
    .default('scheduled'),
  minutes: text('minutes').notNull().default(''),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  createdBy: integer('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const agendaItems = pgTable('agenda_items', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  meetingId: integer('meeting_id')
    .notNull()
    .references(() => councilMeetings.id),
  source: text('source', { enum: ['topic', 'demand', 'proposal', 'free'] }).notNull(),
  /** The demand or proposal id, or the topic's label, it came from. */
  sourceRef: text('source_ref'),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  outcome: text('outcome', { enum: ['passed', 'rejected'] }),
  votedBy: integer('voted_by'),
  votedAt: timestamp('voted_at', { withTimezone: true }),
});

export const councilAttendance = pgTable(
  'council_attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => councilMeetings.id),
    seatId: integer('seat_id')
      .notNull()
      .references(() => councilSeats.id),
    present: boolean('present').notNull(),
    recordedBy: integer('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('council_attendance_uq').on(t.meetingId, t.seatId)],
);

export const councilVotes = pgTable(
  'council_votes',
  {
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    seatId: integer('seat_id')
      .notNull()
      .references(() => councilSeats.id),
    choice: text('choice', { enum: ['for', 'against', 'abstain'] }).notNull(),
    recordedBy: integer('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('council_votes_uq').on(t.agendaItemId, t.seatId)],
);

export const resolutions = pgTable('resolutions', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  meetingId: integer('meeting_id')
    .notNull()
    .references(() => councilMeetings.id),
  agendaItemId: integer('agenda_item_id')
    .notNull()
    .references(() => agendaItems.id),
  text: text('text').notNull(),
  /** 公示: shown on the portal, open to comments, until this day. */
  noticeUntil: date('notice_until', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const actionItems = pgTable('action_items', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  resolutionId: integer('resolution_id')
    .notNull()
    .references(() => resolutions.id),
  title: text('title').notNull(),
  /** The owner as first written, free text (items adopted before owner units; kept for the record). */
  owner: text('owner').notNull().default(''),
  /** The unit that owns the work (null only on items adopted before owner units). */
  ownerUnitId: integer('owner_unit_id').references(() => units.id),
  /** Optionally, the person in that unit who carries it. */
  ownerUserId: integer('owner_user_id').references(() => users.id),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: actionItemStates }).notNull().default('open'),
  doneAt: timestamp('done_at', { withTimezone: true }),
  demandId: bigint('demand_id', { mode: 'number' }).references(() => demands.id),
  initiativeId: integer('initiative_id').references(() => initiatives.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const noticeComments = pgTable(
  'notice_comments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    resolutionId: integer('resolution_id')
      .notNull()
      .references(() => resolutions.id),
    name: text('name'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notice_comments_resolution_idx').on(t.resolutionId)],
);

/** A closed meeting's record never changes; a correction is a new entry linked to it. */
export const meetingCorrections = pgTable('meeting_corrections', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  meetingId: integer('meeting_id')
    .notNull()
    .references(() => councilMeetings.id),
  body: text('body').notNull(),
  createdBy: integer('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** 督办 of an overdue action item: raised once, by the periodic sweep, and the owner unit is told. */
export const actionItemSupervisions = pgTable(
  'action_item_supervisions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    actionItemId: integer('action_item_id')
      .notNull()
      .references(() => actionItems.id),
    unitId: integer('unit_id').references(() => units.id),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('action_item_supervisions_item_uq').on(t.actionItemId)],
);
