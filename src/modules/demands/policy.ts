import { type Actor, coversRegion, handlesUnit, isAdmin, scopeHolds, scopeOf } from '../../kernel/index.js';
import type { Role } from '../accounts/index.js';
import type { DemandAction } from './lifecycle.js';

/** A unit asked to help (协办), and how far it has got. */
export type AssistState = { unitId: number; acknowledged: boolean; contributed: boolean };

/** What the policy needs to know of a demand: where it is, who leads it, who helps, who is asked to take it over. */
export type DemandScope = {
  regionPath: string;
  unitId: number | null;
  assists?: readonly AssistState[];
  /** The unit a pending 转办 is waiting on. */
  transferToUnitId?: number | null;
};

type Rule = {
  roles: readonly Role[];
  resident?: boolean;
  /** For handlers: the units whose handlers may act, when not the lead unit. */
  units?: (d: DemandScope) => readonly (number | null)[];
};

const assisting = (pick: (a: AssistState) => boolean) => (d: DemandScope) => (d.assists ?? []).filter(pick).map((a) => a.unitId);

/**
 * Who may take each action. Region roles act on demands in their region (and below);
 * handlers act only on demands currently with their unit. Admins may do everything.
 */
export const actionRules: Record<DemandAction, Rule> = {
  register: { roles: ['operator'], resident: true },
  dispatch: { roles: ['dispatcher'] },
  acknowledge: { roles: ['handler'] },
  return: { roles: ['handler'] },
  reply: { roles: ['handler'] },
  answer_directly: { roles: ['operator'] },
  record_callback: { roles: ['operator'], resident: true },
  close: { roles: ['operator', 'supervisor'] },
  reopen: { roles: ['supervisor'] },
  merge: { roles: ['dispatcher'] },
  decline: { roles: ['dispatcher', 'operator'] },
  withdraw: { roles: ['operator'], resident: true },
  request_extension: { roles: ['handler'] },
  decide_extension: { roles: ['supervisor'] },
  supervise: { roles: ['supervisor'] },
  remind: { roles: ['supervisor'] },
  // Only the escalation rules raise a demand's level on their own (the system actor).
  escalate: { roles: [] },
  assist_acknowledge: { roles: ['handler'], units: assisting((a) => !a.acknowledged) },
  contribute: { roles: ['handler'], units: assisting((a) => a.acknowledged && !a.contributed) },
  // The lead (or the dispatcher who asked for the help) releases an assisting unit that does not answer.
  end_assist: { roles: ['handler', 'dispatcher'] },
  request_transfer: { roles: ['handler'] },
  accept_transfer: { roles: ['handler'], units: (d) => [d.transferToUnitId ?? null] },
  decline_transfer: { roles: ['handler'], units: (d) => [d.transferToUnitId ?? null] },
  callback_attempt: { roles: ['operator'] },
  rate_merged: { roles: ['operator'], resident: true },
};

export function mayAct(actor: Actor, action: DemandAction, demand: DemandScope): boolean {
  if (actor.kind === 'system') return true;
  const rule = actionRules[action];
  if (actor.kind === 'resident') return rule.resident === true;
  if (rule.roles.length === 0) return false;
  // A unit's own steps (协办, accepting a 转办) are taken by that unit's handlers: an admin speaks for no unit.
  if (isAdmin(actor) && !rule.units) return true;
  const handled = rule.units ? rule.units(demand) : [demand.unitId];
  return rule.roles.some((role) =>
    role === 'handler' ? handled.some((u) => handlesUnit(actor, u)) : coversRegion(actor, role, demand.regionPath),
  );
}

/**
 * Whether the actor may know the demand exists. Handlers see demands their unit holds or
 * once held (returned ones keep their history); region roles see their region.
 */
export function mayView(actor: Actor, demand: DemandScope, unitsEverAssigned: readonly number[] = []): boolean {
  return scopeHolds(scopeOf(actor), {
    regionPath: demand.regionPath,
    unitIds: [demand.unitId, ...unitsEverAssigned],
  });
}

/** Dispatchers and supervisors route and chase; they do not need to ring the resident. */
export function maySeePhone(actor: Actor, demand: DemandScope): boolean {
  if (actor.kind !== 'user') return actor.kind === 'system';
  if (isAdmin(actor)) return true;
  if (coversRegion(actor, 'operator', demand.regionPath) || handlesUnit(actor, demand.unitId)) return true;
  // A unit helping now (协办) or asked to take it over is told to ring the resident: it needs the number while it works.
  const working = [...(demand.assists ?? []).map((a) => a.unitId), demand.transferToUnitId ?? null];
  return working.some((u) => u !== null && handlesUnit(actor, u));
}

// One masking rule for every view and log line.
export { maskPhone } from '../../lib/redact.js';
