import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../db/bytea.js';
import { users } from '../accounts/tables.js';
import { categories } from '../categories/tables.js';
import { regions, units } from '../regions/tables.js';

export const channels = ['web', 'hotline', 'walk_in', 'reception_day', 'letter', 'api', 'activity', 'city12345', 'import', 'sms'] as const;
export type Channel = (typeof channels)[number];

export const demandTypes = ['consultation', 'help', 'complaint', 'report', 'suggestion'] as const;
export type DemandType = (typeof demandTypes)[number];

export const demandStates = [
  'registered',
  'dispatched',
  'acknowledged',
  'returned',
  'replied',
  'callback_done',
  'closed',
  'declined',
  'withdrawn',
  'merged',
] as const;
export type DemandState = (typeof demandStates)[number];

export const urgencies = ['emergency', 'normal'] as const;
export type Urgency = (typeof urgencies)[number];

export const satisfactions = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof satisfactions)[number];

// A global sequence (not per day) keeps numbering free of row-lock contention at intake.
export const demandNumberSeq = pgSequence('demand_number_seq', { startWith: 1, increment: 1 });

export const demands = pgTable(
  'demands',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    number: text('number').notNull(),
    queryCodeHash: text('query_code_hash').notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    type: text('type', { enum: demandTypes }).notNull(),
    state: text('state', { enum: demandStates }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    /** For a resident without a phone: how to reach them (e.g. the community's contact). */
    reporterContact: text('reporter_contact'),
    /** Hidden from the public listing (names are never public anyway). */
    anonymous: boolean('anonymous').notNull().default(false),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    address: text('address').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    categoryId: integer('category_id').references(() => categories.id),
    urgency: text('urgency', { enum: urgencies }).notNull().default('normal'),
    complex: boolean('complex').notNull().default(false),
    unitId: integer('unit_id').references(() => units.id),
    registeredBy: integer('registered_by').references(() => users.id),
    /** The client's key, scoped to who sent it (public, a user, the system): keys never cross callers. */
    idempotencyKey: text('idempotency_key'),
    /** The number this demand has in the system it came from (the city's 12345 work order, an imported record). */
    externalRef: text('external_ref'),
    /** The deadline that system set for the answer: our own deadline never runs later than this. */
    externalDueAt: timestamp('external_due_at', { withTimezone: true }),
    /** A hash of the request the key first came with: the same key with another body is refused. */
    requestHash: text('request_hash'),
    /** Deadline of the step the demand is waiting for now; null when nothing is due. */
    stageDueAt: timestamp('stage_due_at', { withTimezone: true }),
    replyDueAt: timestamp('reply_due_at', { withTimezone: true }),
    supervised: boolean('supervised').notNull().default(false),
    /** The highest open 督办: township is the yellow mark, district the red one. */
    supervisionLevel: text('supervision_level', { enum: ['township', 'district'] }),
    reopenCount: integer('reopen_count').notNull().default(0),
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    knowledgeArticleId: integer('knowledge_article_id'),
    replyText: text('reply_text'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    satisfaction: text('satisfaction', { enum: satisfactions }),
    solved: boolean('solved'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    /** MinHash signature of title + content, for near-duplicate checks (text module). */
    minhash: bytea('minhash'),
    /** Its LSH band keys, GIN-indexed: near-duplicates are found by overlap, not by a scan. */
    lsh: integer('lsh').array(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('demands_number_uq').on(t.number),
    uniqueIndex('demands_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('demands_external_ref_uq').on(t.channel, t.externalRef),
    index('demands_state_idx').on(t.state),
    index('demands_unit_idx').on(t.unitId, t.id),
    index('demands_region_idx').on(t.regionId),
    index('demands_created_idx').on(t.createdAt),
    index('demands_stage_due_idx').on(t.stageDueAt, t.id),
    // 来电弹屏: a caller's earlier demands by their number, exactly.
    index('demands_reporter_phone_idx').on(t.reporterPhone),
    index('demands_lsh_idx').using('gin', t.lsh),
    // The residents merged into a demand hear of its answer: found without a scan, few rows indexed.
    index('demands_merged_into_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  ],
);

/** Append-only: every state change of a demand, with who, when, what and why. */
export const demandEvents = pgTable(
  'demand_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorKind: text('actor_kind', { enum: ['user', 'resident', 'system'] }).notNull(),
    actorUserId: integer('actor_user_id'),
    reason: text('reason'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('demand_events_demand_idx').on(t.demandId)],
);

/** One row per dispatch of a demand to a unit: the basis of the response rate. */
export const assignments = pgTable(
  'assignments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    dispatchedBy: integer('dispatched_by'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull(),
    acknowledgeDueAt: timestamp('acknowledge_due_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [
    index('assignments_demand_idx').on(t.demandId),
    index('assignments_unit_idx').on(t.unitId, t.dispatchedAt),
    // A handler's visibility (every demand its unit ever held) read from the index alone.
    index('assignments_unit_demand_idx').on(t.unitId, t.demandId),
  ],
);

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    unitId: integer('unit_id').notNull(),
    requestedBy: integer('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    extraWorkdays: integer('extra_workdays').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'denied'] })
      .notNull()
      .default('pending'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('extension_requests_demand_idx').on(t.demandId), index('extension_requests_status_idx').on(t.status)],
);

export const callbacks = pgTable(
  'callbacks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    unitId: integer('unit_id'),
    satisfaction: text('satisfaction', { enum: satisfactions }).notNull(),
    solved: boolean('solved').notNull(),
    comment: text('comment').notNull().default(''),
    recordedBy: integer('recorded_by'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('callbacks_demand_idx').on(t.demandId), index('callbacks_unit_at_idx').on(t.unitId, t.at)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: integer('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_demand_idx').on(t.demandId)],
);

export type DemandRow = typeof demands.$inferSelect;

/** 协办: a unit asked to help the lead unit (主办); it acknowledges and sends its part to the lead, who replies. */
export const assists = pgTable(
  'demand_assists',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    contribution: text('contribution'),
    contributedAt: timestamp('contributed_at', { withTimezone: true }),
    contributedBy: integer('contributed_by'),
    /** Set when the lead's assignment ends (returned, transferred, closed): the help is no longer asked. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('demand_assists_demand_idx').on(t.demandId), index('demand_assists_unit_idx').on(t.unitId, t.endedAt)],
);

/** `lapsed`: still waiting when the lead unit moved on (returned, answered, …): nobody declined it. */
export const transferStatuses = ['pending', 'accepted', 'declined', 'lapsed'] as const;

/** 转办: the lead unit hands the demand to another unit, which must accept; it never goes back to the pool. */
export const transfers = pgTable(
  'demand_transfers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    fromUnitId: integer('from_unit_id').notNull(),
    toUnitId: integer('to_unit_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason').notNull(),
    requestedBy: integer('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: transferStatuses }).notNull().default('pending'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('demand_transfers_demand_idx').on(t.demandId), index('demand_transfers_to_idx').on(t.toUnitId, t.status)],
);

export const supervisionLevels = ['township', 'district'] as const;
export type SupervisionLevel = (typeof supervisionLevels)[number];

/** 督办: a record, not a flag: who asked at which level, why, by when, and how often the unit was chased (催办). */
export const supervisions = pgTable(
  'demand_supervisions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    unitId: integer('unit_id'),
    level: text('level', { enum: supervisionLevels }).notNull(),
    reason: text('reason').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Null when an escalation rule raised it (the system's act). */
    createdBy: integer('created_by'),
    /** The escalation rule that raised it, e.g. "overdue_3d". */
    rule: text('rule'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    reminderCount: integer('reminder_count').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftReason: text('lift_reason'),
  },
  (t) => [index('demand_supervisions_demand_idx').on(t.demandId), index('demand_supervisions_unit_idx').on(t.unitId, t.createdAt)],
);

/** A callback call that did not reach the resident (未接通); the demand waits for the next try. */
export const callbackAttempts = pgTable(
  'callback_attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('callback_attempts_demand_idx').on(t.demandId)],
);
