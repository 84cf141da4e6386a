import { type Actor, coversRegion, handlesUnit, isAdmin } from '../../kernel/index.js';
import type { Role } from '../accounts/index.js';
import type { DemandAction } from './lifecycle.js';

/** What the policy needs to know of a demand. */
export type DemandScope = { regionPath: string; unitId: number | null };

type Rule = { roles: readonly Role[]; resident?: boolean };

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
};

const regionRoles: readonly Role[] = ['operator', 'dispatcher', 'supervisor'];

export function mayAct(actor: Actor, action: DemandAction, demand: DemandScope): boolean {
  if (actor.kind === 'system') return true;
  const rule = actionRules[action];
  if (actor.kind === 'resident') return rule.resident === true;
  if (isAdmin(actor)) return true;
  return rule.roles.some((role) => (role === 'handler' ? handlesUnit(actor, demand.unitId) : coversRegion(actor, role, demand.regionPath)));
}

/**
 * Whether the actor may know the demand exists. Handlers see demands their unit holds or
 * once held (returned ones keep their history); region roles see their region.
 */
export function mayView(actor: Actor, demand: DemandScope, unitsEverAssigned: readonly number[] = []): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'resident') return false;
  if (isAdmin(actor)) return true;
  if (regionRoles.some((role) => coversRegion(actor, role, demand.regionPath))) return true;
  return handlesUnit(actor, demand.unitId) || unitsEverAssigned.some((u) => handlesUnit(actor, u));
}

/** Dispatchers and supervisors route and chase; they do not need to ring the resident. */
export function maySeePhone(actor: Actor, demand: DemandScope): boolean {
  if (actor.kind !== 'user') return actor.kind === 'system';
  if (isAdmin(actor)) return true;
  return coversRegion(actor, 'operator', demand.regionPath) || handlesUnit(actor, demand.unitId);
}

// One masking rule for every view and log line.
export { maskPhone } from '../../lib/redact.js';
