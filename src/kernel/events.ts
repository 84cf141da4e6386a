import { sql } from 'drizzle-orm';
import { loggable } from '../lib/loggable.js';
import { runInRounds } from '../lib/rounds.js';
import type { ActionContext, AppContext } from './action.js';
import { queryRows } from './db.js';
import { domainEvents } from './events-table.js';

/** The events modules may subscribe to, and what each carries. */
export type DomainEventData = {
  /** A demand was taken in, on any channel (web, phone, reception day, course, Open311, the city's 12345, SMS). */
  'demand.registered': { channel: string };
};
export type DomainEventName = keyof DomainEventData;

export type DomainEvent<N extends DomainEventName = DomainEventName> = {
  id: number;
  name: N;
  subjectId: number;
  data: DomainEventData[N];
  at: Date;
  /** 1 on the first delivery; more after a failure or a crash (subscribers must tolerate a repeat). */
  attempt: number;
};

type Subscriber = { name: string; handle: (app: AppContext, event: DomainEvent) => Promise<void> };
const subscribers = new Map<DomainEventName, Subscriber[]>();

/**
 * A module's standing order for an event, declared in its index.ts. The handler runs after the
 * change committed, in whichever process dispatches, at least once: it checks the state it acts on
 * (a demand someone dispatched meanwhile is left alone), so a second delivery changes nothing.
 */
export function subscribe<N extends DomainEventName>(
  event: N,
  subscriber: string,
  handle: (app: AppContext, event: DomainEvent<N>) => Promise<void>,
): void {
  const list = subscribers.get(event) ?? [];
  if (list.some((s) => s.name === subscriber)) return;
  list.push({ name: subscriber, handle: handle as Subscriber['handle'] });
  subscribers.set(event, list);
}

/** Writes the event in the action's transaction; the dispatcher is nudged once it commits. */
export async function publish<N extends DomainEventName>(
  a: Pick<ActionContext, 'tx' | 'now' | 'app' | 'afterCommit'>,
  event: N,
  subjectId: number,
  data: DomainEventData[N],
): Promise<void> {
  await a.tx.insert(domainEvents).values({ name: event, subjectId, data, createdAt: a.now, nextAttemptAt: a.now });
  a.afterCommit(() => a.app.wakeEvents?.());
}

/**
 * The SQL that writes an event inside a single-statement action (intake), about the row `d` that
 * statement inserted. The caller nudges the dispatcher after commit (`a.app.wakeEvents`).
 */
export function publishSql<N extends DomainEventName>(event: N, subjectId: ReturnType<typeof sql>, data: DomainEventData[N], now: Date) {
  const at = now.toISOString();
  return sql`insert into domain_events (name, subject_id, data, created_at, attempts, next_attempt_at)
    select ${event}, ${subjectId}, ${JSON.stringify(data)}::jsonb, ${at}::timestamptz, 0, ${at}::timestamptz from d`;
}

/** A claimed event is leased: if the process dies while handling it, another takes it up after this. */
const leaseMs = 15_000;
const retryDelayMs = (attempt: number) => Math.min(3_600_000, 5_000 * 2 ** Math.min(attempt - 1, 10));

type Claimed = {
  id: number;
  name: DomainEventName;
  subject_id: number;
  data: Record<string, unknown>;
  created_at: Date | string;
  attempts: number;
};

/**
 * Hands the due events to their subscribers, oldest first; returns how many it took. An event
 * whose subscriber fails is tried again later (5 s, 10 s, … up to hourly), the error kept on it.
 */
export async function dispatchDueEvents(app: AppContext, batch = 20): Promise<number> {
  const now = app.now();
  const claimed = await queryRows<Claimed>(
    app.db,
    sql`update domain_events set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
        where id in (
          select id from domain_events where handled_at is null and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by id limit ${batch} for update skip locked)
        returning id, name, subject_id, data, created_at, attempts`,
  );
  claimed.sort((x, y) => Number(x.id) - Number(y.id));
  for (const row of claimed) {
    const event: DomainEvent = {
      id: Number(row.id),
      name: row.name,
      subjectId: Number(row.subject_id),
      data: row.data as DomainEvent['data'],
      at: new Date(row.created_at),
      attempt: row.attempts,
    };
    let failure: unknown = null;
    for (const s of subscribers.get(event.name) ?? []) {
      try {
        await s.handle(app, event);
      } catch (err) {
        failure = err;
        app.log.error({ err: loggable(err), event: event.name, eventId: event.id, subscriber: s.name }, 'event subscriber failed');
      }
    }
    const done = app.now();
    if (failure)
      await app.db.execute(
        sql`update domain_events set next_attempt_at = ${new Date(done.getTime() + retryDelayMs(event.attempt)).toISOString()}::timestamptz,
            last_error = ${String(failure instanceof Error ? failure.message : failure).slice(0, 500)} where id = ${event.id}`,
      );
    else
      await app.db.execute(
        sql`update domain_events set handled_at = ${done.toISOString()}::timestamptz, last_error = null where id = ${event.id}`,
      );
  }
  return claimed.length;
}

/**
 * Dispatches events while the process runs: at once after an action that published one commits,
 * and every few seconds for what another process wrote, what a crash left and what waits for a
 * retry. Returns the stopper, which waits for the round in progress.
 */
export function startEventDispatcher(app: AppContext, opts: { intervalMs?: number; batch?: number } = {}) {
  const batch = opts.batch ?? 20;
  const rounds = runInRounds(async () => (await dispatchDueEvents(app, batch)) >= batch, {
    intervalMs: opts.intervalMs,
    log: app.log,
    failure: 'event dispatch failed',
  });
  app.wakeEvents = rounds.wake;
  return async () => {
    if (app.wakeEvents === rounds.wake) app.wakeEvents = undefined;
    await rounds.stop();
  };
}
