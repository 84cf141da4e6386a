import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { qualified } from '../../db/qualified.js';
import { queryRows } from '../../db/rows.js';
import type { AppContext } from '../../kernel/index.js';
import { type ActionContext, type Actor, actorUserId, audit } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { type DeadlineStage, deadlineInputs, dueAt, resolveTimeLimit } from '../calendar/index.js';
import { type Category, getCategory } from '../categories/index.js';
import { pathIds, regionOf } from '../regions/index.js';
import { type DemandAction, nextState, reasonRequired } from './lifecycle.js';
import { noticeResident } from './notices.js';
import { type AssistState, type DemandScope, mayAct, mayView } from './policy.js';
import { assignments, assists, type DemandRow, type DemandState, demandEvents, demands, transfers } from './tables.js';

export type LoadedDemand = DemandRow & { regionPath: string };

export async function loadDemand(tx: Db | Tx, id: number): Promise<LoadedDemand | null> {
  const [row] = await tx
    .select({ demand: demands, regionPath: regionOf(demands.regionId).path })
    .from(demands)
    .where(eq(demands.id, id));
  return row ? { ...row.demand, regionPath: row.regionPath } : null;
}

/**
 * Who takes part in a demand, as columns of the query that reads it: the assisting units (协办) and the unit a pending
 * 转办 waits on, and every unit that ever held, helped with or was offered it (their handlers keep seeing its history).
 * Read with the demand in one statement: the scope of every action and every demand page.
 */
export function scopeColumns(id: SQL | typeof demands.id) {
  const demandId = qualified(id);
  return {
    assists: sql<AssistState[]>`coalesce((select json_agg(json_build_object('unitId', x.unit_id,
        'acknowledged', x.acknowledged_at is not null, 'contributed', x.contributed_at is not null) order by x.id)
      from ${assists} x where x.demand_id = ${demandId} and x.ended_at is null), '[]'::json)`,
    transferToUnitId: sql<number | null>`(select t.to_unit_id from ${transfers} t
      where t.demand_id = ${demandId} and t.status = 'pending' limit 1)`,
    everUnits: sql<number[]>`array(select unit_id from ${assignments} where demand_id = ${demandId}
      union select unit_id from ${assists} where demand_id = ${demandId}
      union select to_unit_id from ${transfers} where demand_id = ${demandId})`,
  };
}

/** A demand with its place's path and who takes part in it, in one statement. */
async function loadWithScope(tx: Db | Tx, id: number) {
  const [row] = await tx
    .select({ demand: demands, regionPath: regionOf(demands.regionId).path, ...scopeColumns(demands.id) })
    .from(demands)
    .where(eq(demands.id, id));
  return row ?? null;
}

/** What the policy reads of a row read with `scopeColumns`: the demand's scope, and every unit it ever had. */
export function scopeOfRow(row: {
  regionPath: string;
  demand: { unitId: number | null };
  assists: AssistState[];
  transferToUnitId: number | null;
  everUnits: number[];
}): { scope: DemandScope; everUnits: number[] } {
  return {
    scope: { regionPath: row.regionPath, unitId: row.demand.unitId, assists: row.assists, transferToUnitId: row.transferToUnitId },
    everUnits: row.everUnits.map(Number),
  };
}

/** Every unit that ever held, helped with or was offered the demand: their handlers keep seeing its history. */
export async function unitsEverAssigned(tx: Db | Tx, demandId: number): Promise<number[]> {
  const [row] = await queryRows<{ units: number[] }>(tx, sql`select ${scopeColumns(sql`${demandId}`).everUnits} as units`);
  return row.units.map(Number);
}

/**
 * Loads a demand for an action and checks, in order: that the actor may know it exists
 * (else 404, as if it did not), that the actor may take the action (403), that the
 * lifecycle allows it from the current state (409) and that a reason is given where needed.
 */
export async function loadForAction(
  tx: Db | Tx,
  actor: Actor,
  id: number,
  action: DemandAction,
  reason?: string | null,
): Promise<{ demand: LoadedDemand; to: DemandState; scope: DemandScope }> {
  const row = await loadWithScope(tx, id);
  if (!row) throw new AppError('not_found', { details: { demandId: id } });
  const demand: LoadedDemand = { ...row.demand, regionPath: row.regionPath };
  const { scope, everUnits } = scopeOfRow(row);
  if (actor.kind === 'user' && !mayView(actor, scope, everUnits)) {
    throw new AppError('not_found', { details: { demandId: id } });
  }
  if (!mayAct(actor, action, scope)) throw new AppError('auth.forbidden', { details: { action } });
  const to = nextState(action, demand.state);
  if (!to) throw new AppError('demand.invalid_transition', { details: { action, state: demand.state } });
  if (reasonRequired.has(action) && !reason?.trim()) throw new AppError('demand.reason_required', { details: { action } });
  return { demand, to, scope };
}

export type TransitionInput = {
  demand: LoadedDemand;
  action: DemandAction;
  to: DemandState;
  /** Who the event names when not the action's caller (an automatic reopen is the system's). */
  actor?: Actor;
  reason?: string | null;
  data?: Record<string, unknown>;
  patch?: Partial<typeof demands.$inferInsert>;
};

/**
 * Writes a demand's change and its event together. The update is conditional on the version
 * that was read: when someone else changed the demand in between, nothing is written and the
 * caller gets a 409 (the transaction is rolled back by the throw).
 */
export async function applyTransition(a: ActionContext, input: TransitionInput): Promise<DemandRow> {
  const { demand } = input;
  const [updated] = await a.tx
    .update(demands)
    .set({ ...input.patch, state: input.to, version: demand.version + 1, updatedAt: a.now })
    .where(and(eq(demands.id, demand.id), eq(demands.version, demand.version)))
    .returning();
  if (!updated) throw new AppError('conflict.stale', { details: { demandId: demand.id } });
  await recordEvent(a, { ...input, fromState: demand.state });
  await noticeResident(a, updated, input.action);
  return updated;
}

/** The demand's timeline entry and its audit event, both in the action's transaction. */
export async function recordEvent(
  a: ActionContext,
  input: {
    demand: { id: number; regionPath: string };
    actor?: Actor;
    action: DemandAction | 'attach';
    fromState: DemandState | null;
    to: DemandState;
    reason?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const actor = input.actor ?? a.actor;
  const reason = input.reason?.trim() || null;
  await a.tx.insert(demandEvents).values({
    demandId: input.demand.id,
    action: input.action,
    fromState: input.fromState,
    toState: input.to,
    actorKind: actor.kind,
    actorUserId: actorUserId(actor),
    reason,
    data: input.data ?? null,
    at: a.now,
  });
  await audit(
    { ...a, actor },
    {
      resource: 'demand',
      resourceId: input.demand.id,
      action: input.action,
      regionPath: input.demand.regionPath,
      reason,
      data: { from: input.fromState, to: input.to, ...input.data },
    },
  );
}

/** The deadline of a stage for a demand, starting at `start`, from the calendar and the rules. */
export async function stageDeadline(
  ctx: AppContext,
  tx: Db | Tx,
  stage: DeadlineStage,
  demand: { urgency: 'emergency' | 'normal'; complex: boolean; categoryId: number | null },
  start: Date,
  /** The demand's category when the caller has it loaded already. */
  known?: Pick<Category, 'id' | 'path' | 'utility'> | null,
): Promise<Date> {
  const { calendar, rules } = await deadlineInputs(tx, ctx.db);
  const category = demand.categoryId ? (known?.id === demand.categoryId ? known : await getCategory(tx, demand.categoryId)) : null;
  const limit = resolveTimeLimit(
    stage,
    { urgency: demand.urgency, complex: demand.complex, utility: category?.utility ?? false },
    category ? pathIds(category.path) : [],
    rules,
  );
  return dueAt(start, limit, calendar);
}

/** A work order from the city comes with the city's deadline: ours may be earlier, never later. */
export function cappedByCity(demand: { externalDueAt: Date | null }, due: Date): Date {
  return demand.externalDueAt && demand.externalDueAt < due ? demand.externalDueAt : due;
}

/**
 * Ends the demand's open assignment, if any (return, transfer, merge, withdrawal, closure), with the
 * help asked for it and any 转办 still waiting: they belonged to that assignment.
 */
export async function endAssignment(tx: Tx, demandId: number, at: Date, reason: string): Promise<void> {
  await tx
    .update(assignments)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(assignments.demandId, demandId), sql`${assignments.endedAt} is null`));
  await tx
    .update(assists)
    .set({ endedAt: at })
    .where(and(eq(assists.demandId, demandId), sql`${assists.endedAt} is null`));
  await tx
    .update(transfers)
    .set({ status: 'lapsed', decidedAt: at })
    .where(and(eq(transfers.demandId, demandId), eq(transfers.status, 'pending')));
}
