import type { Init } from '../shared/client';

/** The work lists of the demand page: which one a person lands on, and what each asks the API. */
export type Grant = { role: string };
export type DemandQuery = NonNullable<Init<'/demands', 'get'>['query']>;

const holds = (grants: readonly Grant[], role: string) => grants.some((g) => g.role === role || g.role === 'admin');

/** Each role lands on its own work: new demands to route, the unit's inbox, callbacks due, what is overdue. */
export function landingQueue(grants: readonly Grant[]): string {
  if (holds(grants, 'dispatcher')) return 'new';
  if (grants.some((g) => g.role === 'handler')) return 'inbox';
  if (holds(grants, 'operator')) return 'callback';
  if (holds(grants, 'supervisor')) return 'overdue';
  return 'all';
}

const byQueue: Record<string, DemandQuery> = {
  new: { state: 'registered,returned' },
  // What the unit holds now: not demands it once held that have moved on to another unit.
  inbox: { state: 'dispatched,acknowledged', held: 'mine', sort: 'due' },
  overdue: { overdue: 'true', sort: 'due' },
  soon: { dueWithinHours: 24, sort: 'due' },
  callback: { state: 'replied,callback_done' },
  extensions: { extensionPending: 'true' },
  supervised: { supervised: 'true' },
};

/** The list's query for a queue (search and filters are added by the page). */
export function queueQuery(queue: string): DemandQuery {
  return { ...byQueue[queue] };
}

/** The same query as URL parameters, for callers outside the typed client (the demo's test). */
export function queueParams(queue: string): URLSearchParams {
  return new URLSearchParams(Object.entries(queueQuery(queue)).map(([k, v]) => [k, String(v)]));
}
