import { type Actor, hasAnyRole } from '../../kernel/index.js';

/** Who may run the overdue sweep on demand (it also runs hourly): supervisors and admins, as for demands' escalations. */
export function mayChaseOverdue(actor: Actor): boolean {
  return hasAnyRole(actor, ['admin', 'supervisor']);
}
