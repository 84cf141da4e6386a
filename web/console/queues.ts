/** The work lists of the demand page: which one a person lands on, and what each asks the API. */
export type Grant = { role: string };

const holds = (grants: readonly Grant[], role: string) => grants.some((g) => g.role === role || g.role === 'admin');

/** Each role lands on its own work: new demands to route, the unit's inbox, callbacks due, what is overdue. */
export function landingQueue(grants: readonly Grant[]): string {
  if (holds(grants, 'dispatcher')) return 'new';
  if (grants.some((g) => g.role === 'handler')) return 'inbox';
  if (holds(grants, 'operator')) return 'callback';
  if (holds(grants, 'supervisor')) return 'overdue';
  return 'all';
}

/** The list's query for a queue (search and filters are added by the page). */
export function queueParams(queue: string): URLSearchParams {
  const params = new URLSearchParams();
  if (queue === 'new') params.set('state', 'registered,returned');
  if (queue === 'inbox') {
    params.set('state', 'dispatched,acknowledged');
    // What the unit holds now: not demands it once held that have moved on to another unit.
    params.set('held', 'mine');
  }
  if (queue === 'overdue') params.set('overdue', 'true');
  if (queue === 'soon') params.set('dueWithinHours', '24');
  if (queue === 'callback') params.set('state', 'replied,callback_done');
  if (queue === 'extensions') params.set('extensionPending', 'true');
  if (queue === 'supervised') params.set('supervised', 'true');
  if (queue === 'inbox' || queue === 'overdue' || queue === 'soon') params.set('sort', 'due');
  return params;
}
