import { AppError } from '../lib/errors.js';
import type { Role } from './roles.js';

/** A role as the policy sees it: its scope resolved to a region path or a unit. */
export type Grant = {
  role: Role;
  /** Region path ("/1/4/") the grant covers; null = the whole installation. */
  regionPath: string | null;
  unitId: number | null;
};

export type UserActor = {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  grants: Grant[];
  /** After an admin's reset: nothing but choosing a new password is allowed. */
  mustChangePassword?: true;
};
export type ResidentActor = { kind: 'resident' };
export type SystemActor = { kind: 'system' };
export type Actor = UserActor | ResidentActor | SystemActor;

export const systemActor: SystemActor = { kind: 'system' };
export const residentActor: ResidentActor = { kind: 'resident' };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => g.role === role);
}

export function isAdmin(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/** Staff-only actions take a user; anything else is refused as if the action were not there. */
export function staffActor(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new Error('This action is for signed-in staff only');
  return actor;
}

/** Installation settings and reference data are the admins' alone. */
export function requireAdmin(actor: Actor): UserActor {
  if (actor.kind !== 'user' || !isAdmin(actor)) throw new AppError('auth.forbidden');
  return actor;
}
