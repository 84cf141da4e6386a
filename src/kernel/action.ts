import type { Logger } from 'pino';
import pino from 'pino';
import { loggable } from '../lib/loggable.js';
import type { Actor } from './actor.js';
import type { Db, Tx } from './db.js';

/** What the whole application shares: the database, the clock (replaceable in tests) and a logger. */
export type AppContext = {
  db: Db;
  /**
   * A streaming replica for the reads that may lag a moment behind (the public lists, 三率, 一屏, exports,
   * Open311's reads): `DATABASE_READ_URL`. Absent, they read the primary. Never for reading back one's own write.
   */
  readDb?: Db;
  now: () => Date;
  log: Logger;
  /** Told of every action's outcome (the server's metrics count them). */
  observe?: (e: { action: string; outcome: 'committed' | 'refused' }) => void;
  /** Set while a delivery worker runs: actions that wrote to the outbox nudge it after commit. */
  wakeOutbox?: () => void;
  /** Set while an event dispatcher runs: actions that published an event nudge it after commit. */
  wakeEvents?: () => void;
};

/**
 * What every action receives. One transaction for the action and every action it calls; the
 * actor and the time are fixed for all of them; side effects wait in `afterCommit`.
 */
export type ActionContext = {
  tx: Tx;
  actor: Actor;
  now: Date;
  app: AppContext;
  /** Runs once the transaction has committed (notifications, retraining); never if it rolls back. */
  afterCommit(fn: () => void | Promise<void>): void;
  /** Called by `audit()`; the runner refuses an action that changed state without it. */
  markAudited(): void;
  /** For an action that found nothing to change (an idempotent replay): no audit event is owed. */
  unchanged(): void;
  /**
   * Refuses the action with `error` but commits what its guard wrote just before, with that
   * guard's audit event: for an attempt that must count even though it is refused (a wrong
   * verification code). The count is then seen by the next attempt, which waits for this one's
   * row lock, so thirty guesses at once are counted one by one. Called once anything besides
   * that one audited write has happened, it refuses with a plain rollback instead.
   */
  refuseKeeping(error: Error): never;
};

/** Thrown by `refuseKeeping` through the action to the runner, which commits and then throws the refusal. */
class KeptRefusal extends Error {
  constructor(readonly refusal: Error) {
    super(refusal.message);
  }
}

export type Action<I, O> = (a: ActionContext, input: I) => Promise<O>;

const singleStatementActions = new WeakSet<object>();

/**
 * Marks an action that reads, then writes everything in ONE statement (its audit event
 * included): run on its own it needs no transaction block. Called by another action it still
 * shares that action's transaction.
 */
export function singleStatement<I, O>(action: Action<I, O>): Action<I, O> {
  singleStatementActions.add(action);
  return action;
}

export class UnauditedActionError extends Error {
  constructor(name: string) {
    super(`Action ${name || '(anonymous)'} finished without writing an audit event or declaring itself unchanged`);
  }
}

/**
 * Runs an action: opens the transaction, hands the action its context, commits, then runs what
 * the action deferred. Composite actions call other actions with the same context instead, so
 * that all of them commit or none.
 */
export async function perform<I, O>(app: AppContext, actor: Actor, action: Action<I, O>, input: I): Promise<O> {
  const deferred: (() => void | Promise<void>)[] = [];
  let kept: Error | null = null;
  const now = app.now();
  const body = async (tx: Tx): Promise<O> => {
    let audited = 0;
    let unchanged = false;
    const a: ActionContext = {
      tx,
      actor,
      now,
      app,
      afterCommit: (fn) => deferred.push(fn),
      markAudited: () => {
        audited++;
      },
      unchanged: () => {
        unchanged = true;
      },
      refuseKeeping: (error) => {
        if (audited !== 1) throw error;
        throw new KeptRefusal(error);
      },
    };
    try {
      const out = await action(a, input);
      if (audited === 0 && !unchanged) throw new UnauditedActionError(action.name);
      return out;
    } catch (e) {
      if (!(e instanceof KeptRefusal)) throw e;
      kept = e.refusal;
      return undefined as O;
    }
  };
  // An action whose only write is one statement (intake) needs no transaction block: the
  // statement is atomic by itself, and BEGIN/COMMIT would double its round trips (decision 0003).
  const run = singleStatementActions.has(action) ? body(app.db as unknown as Tx) : app.db.transaction(body);
  let result: O;
  try {
    result = await run;
  } catch (err) {
    app.observe?.({ action: action.name, outcome: 'refused' });
    throw err;
  }
  if (kept) {
    app.observe?.({ action: action.name, outcome: 'refused' });
    throw kept;
  }
  app.observe?.({ action: action.name, outcome: 'committed' });
  for (const fn of deferred) {
    try {
      await fn();
    } catch (err) {
      app.log.error({ err: loggable(err) }, 'after-commit work failed');
    }
  }
  return result;
}

/** Where the reads that may lag go: the replica when there is one, else the primary. */
export const replicaOf = (app: AppContext): Db => app.readDb ?? app.db;

/** A database handle for reads: either the pool or an action's transaction. */
export type Reader = Db | Tx;

/**
 * The same action context speaking as another actor (the system stepping in for a collective
 * answer): same transaction, same clock, same audit obligation.
 */
export function actingAs(a: ActionContext, actor: Actor): ActionContext {
  return { ...a, actor };
}

/** An application context for set-up work outside a server (CLI, demo, tests): the real clock, errors-only logging. */
export function appContextFor(db: Db, log?: Logger): AppContext {
  return { db, now: () => new Date(), log: log ?? pino({ level: process.env.LOG_LEVEL ?? 'error' }) };
}
