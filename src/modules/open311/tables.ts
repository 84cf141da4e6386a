import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Keys issued by an admin to an integrator (an app, a city portal): only the hash is kept. */
export const open311Keys = pgTable('open311_keys', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** Where requests without an address_id are registered (the integrator's area). */
  regionId: integer('region_id').notNull(),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Each service request posted through Open311, with the key that posted it. */
export const open311Requests = pgTable(
  'open311_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    keyId: integer('key_id').notNull(),
    demandId: bigint('demand_id', { mode: 'number' }).notNull().unique(),
    token: text('token').notNull().unique(),
    mediaUrl: text('media_url'),
    /** The address_id as the integrator posted it: GET answers with it, as the spec's round trip expects. */
    addressId: text('address_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('open311_requests_key_idx').on(t.keyId)],
);
