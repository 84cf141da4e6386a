import type { Actor } from '../../kernel/index.js';

/** Who may run the overdue sweep on demand (it also runs hourly): supervisors and admins, as for demands' escalations. */
export function mayChaseOverdue(actor: Actor): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => g.role === 'admin' || g.role === 'supervisor');
}
