import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestClock } from '../../../../test/api-world.js';
import { countingDb, type TestDatabase } from '../../../../test/db.js';
import { buildDemand, type World } from '../../../../test/world.js';
import { perform } from '../../../kernel/index.js';
import { acknowledgeDemand } from '../actions/acknowledge-demand.js';
import { dispatchDemand } from '../actions/dispatch-demand.js';
import { requestExtension } from '../actions/request-extension.js';
import { assignments, demandEvents } from '../tables.js';
import { getDemand } from './get-demand.js';

let database: TestDatabase;
let world: World;
let t: TestClock;

beforeAll(async () => ({ database, world, t } = await setUpWorld(new Date('2026-11-23T09:00:00+08:00'))));
afterAll(async () => database.drop());

describe('a demand page', () => {
  it('is read in one statement, with its timeline, assignments and extension requests as they were written', async () => {
    const { ctx } = t;
    const a = world.actors;
    const { demand } = await buildDemand(ctx, world);
    t.advanceHours(1);
    await perform(ctx, a.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
    t.advanceHours(1);
    await perform(ctx, a.handlerA, acknowledgeDemand, { demandId: demand.id });
    await perform(ctx, a.handlerA, requestExtension, { demandId: demand.id, extraWorkdays: 3, reason: '需要协调供电部门' });

    const { db, statements } = countingDb(database);
    const page = await getDemand(db, a.handlerA, demand.id, ctx.now());
    expect(statements).toHaveLength(1);

    const events = await database.db.select().from(demandEvents).where(eq(demandEvents.demandId, demand.id)).orderBy(demandEvents.id);
    expect(page.events.map((e) => [e.id, e.action, e.toState, e.at])).toEqual(
      events.map((e) => [e.id, e.action, e.toState, e.at.toISOString()]),
    );
    expect(page.events.find((e) => e.action === 'dispatch')?.actor).toMatchObject({ kind: 'user', userId: a.dispatcher.userId });
    const [assigned] = await database.db.select().from(assignments).where(eq(assignments.demandId, demand.id));
    expect(page.assignments).toEqual([
      {
        unit: { id: world.deptA.id, name: world.deptA.name },
        dispatchedAt: assigned.dispatchedAt.toISOString(),
        acknowledgeDueAt: assigned.acknowledgeDueAt.toISOString(),
        acknowledgedAt: assigned.acknowledgedAt?.toISOString(),
        endedAt: null,
        endReason: null,
      },
    ]);
    expect(page.extensionRequests).toMatchObject([{ extraWorkdays: 3, reason: '需要协调供电部门', status: 'pending', decidedAt: null }]);
    expect(page.callbacks).toEqual([]);
    expect(page.assists).toEqual([]);
  });
});
