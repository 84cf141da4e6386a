import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestClock, worldStart } from '../../../test/api-world.js';
import type { TestDatabase } from '../../../test/db.js';
import { buildDemand, type World } from '../../../test/world.js';
import { queryRows } from '../../db/rows.js';
import { perform, systemActor } from '../../kernel/index.js';
import { dispatchDemand, returnDemand } from '../demands/index.js';
import { compactRoutingHistory } from './routing-history.js';
import { retrainAfter, Suggester } from './suggester.js';
import { textModels } from './tables.js';

let database: TestDatabase;
let world: World;
let t: TestClock;

beforeAll(async () => ({ database, world, t } = await setUpWorld(worldStart)));
afterAll(async () => database.drop());

const route = async (content: string, categoryId: number, unitId: number) => {
  const { demand } = await buildDemand(t.ctx, world, { title: null, content, categoryId });
  await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId });
};

describe('the suggester learns from the district’s own routing', () => {
  it('starts from the category tree, then retrains in the background as confirmations arrive', async () => {
    const suggester = new Suggester(database.db);
    // No history at all: the tree's own names still point somewhere sensible.
    const cold = await suggester.suggestCategories('小区停水，自来水什么时候恢复供应');
    expect(cold).toHaveLength(3);
    expect(cold[0].name).toContain('城市建设和市政管理');
    const v1 = suggester.version;

    for (let i = 0; i < retrainAfter; i++) await route(`第${i}号楼自来水停水，水压低`, world.water.id, world.deptB.id);
    // The next request starts a retraining and is answered at once by the model in hand.
    // Order, not time: a callback queued now runs while the worker still trains (the old model in hand).
    const versionSeenByNextTick = new Promise<string | null>((resolve) => setImmediate(() => resolve(suggester.version)));
    const during = await suggester.suggestCategories('停水了');
    expect(suggester.version).toBe(v1);
    expect(during).toHaveLength(3);
    expect(await versionSeenByNextTick).toBe(v1); // the event loop kept serving while the worker trained
    await suggester.settled();
    expect(suggester.version).not.toBe(v1);
    const warm = await suggester.suggestCategories('楼里停水，自来水没有了');
    expect(warm[0].categoryId).toBe(world.water.id);
  }, 60_000);
});

describe('the routing history behind a unit suggestion', () => {
  it('is kept per unit and category as dispatchers dispatch and units return', async () => {
    const { demand } = await buildDemand(t.ctx, world, { title: null, content: '路灯不亮', categoryId: world.lights.id });
    await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptB.id });
    await perform(t.ctx, world.actors.handlerB, returnDemand, { demandId: demand.id, reason: '不属于本单位职责' });
    const kept = async () =>
      queryRows(
        database.db,
        sql`select unit_id, category_id, sum(dispatched)::int as dispatched, sum(returned)::int as returned
              from unit_category_history group by 1, 2 order by 1, 2`,
      );
    const counted = await queryRows(
      database.db,
      sql`select a.unit_id, d.category_id, count(*)::int as dispatched, (count(*) filter (where a.end_reason = 'returned'))::int as returned
            from assignments a join demands d on d.id = a.demand_id where d.category_id is not null group by 1, 2 order by 1, 2`,
    );
    expect(await kept()).toEqual(counted);
    expect(await kept()).toContainEqual({ unit_id: world.deptB.id, category_id: world.lights.id, dispatched: 1, returned: 1 });
    // Each dispatch and return wrote a row of its own; compacted, the pair is one row with the same sums.
    const rowsOf = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from unit_category_history where unit_id = ${world.deptB.id} and category_id = ${world.lights.id}`,
        )
      )[0].n;
    expect(await rowsOf()).toBe(2);
    expect((await compactRoutingHistory(t.ctx)).rows).toBeGreaterThanOrEqual(2);
    expect(await rowsOf()).toBe(1);
    expect(await kept()).toEqual(counted);
    expect((await compactRoutingHistory(t.ctx)).rows).toBe(0);
  });
});

describe('a restart', () => {
  it('suggests at once from the model the last training stored, without training again', async () => {
    const before = new Suggester(database.db);
    await before.suggestCategories('小区停水');
    await before.settled();
    expect(before.version).not.toBeNull();
    const restarted = new Suggester(database.db);
    const top = await restarted.suggestCategories('楼里停水，自来水没有了');
    // The same model, read back: a training would have made another version.
    expect(restarted.version).toBe(before.version);
    expect(top[0].categoryId).toBe(world.water.id);
  }, 60_000);

  it('holds the stored model once warmed up, before its first request', async () => {
    const stored = new Suggester(database.db);
    await stored.suggestCategories('小区停水');
    await stored.settled();
    const restarted = new Suggester(database.db, undefined, { firstModelWaitMs: 0 });
    expect(restarted.version).toBeNull();
    await restarted.warmUp();
    expect(restarted.version).toBe(stored.version);
    // With nothing waited for, the first request is answered from it.
    expect((await restarted.suggestCategories('楼里停水，自来水没有了'))[0].categoryId).toBe(world.water.id);
    await restarted.settled();
  }, 60_000);

  it('with no stored model, answers at once without suggestions while the first model trains, then with them', async () => {
    await database.db.delete(textModels);
    const suggester = new Suggester(database.db, undefined, { firstModelWaitMs: 0 });
    expect(await suggester.suggestCategories('小区停水')).toEqual([]);
    expect(suggester.version).toBeNull();
    await suggester.settled();
    expect(await suggester.suggestCategories('小区停水')).toHaveLength(3);
  }, 60_000);
});

describe('a server restarting after growth', () => {
  it('keeps its stale stored model at start, and retrains only when the hourly job finds it due', async () => {
    const first = new Suggester(database.db);
    await first.suggestCategories('小区停水');
    await first.settled();
    for (let i = 0; i < retrainAfter; i++) await route(`第${i}号楼路灯不亮`, world.lights.id, world.deptA.id);
    // Stored two hours before a noon (China time): stale by growth, not a day old, not night.
    const noon = new Date('2026-06-10T04:00:00Z');
    await database.db.update(textModels).set({ createdAt: new Date(noon.getTime() - 2 * 3_600_000) });

    const restarted = new Suggester(database.db, undefined, { firstModelWaitMs: 0, scheduled: true });
    await restarted.warmUp();
    await restarted.suggestCategories('路灯不亮');
    await restarted.settled();
    expect(restarted.version).toBe(first.version);
    expect(await restarted.retrainNow(noon)).toBe(false);
    expect(restarted.version).toBe(first.version);
    // The same model at three in the night (China time): the quiet hours take it.
    expect(await restarted.retrainNow(new Date('2026-06-10T19:00:00Z'))).toBe(true);
    expect(restarted.version).not.toBe(first.version);
    // Trained: the next hour's job finds nothing to do.
    expect(await restarted.retrainNow(new Date('2026-06-10T20:00:00Z'))).toBe(false);
  }, 120_000);
});

describe('imported labeled messages', () => {
  it('are refused whole when a label names no category, and learned from otherwise', async () => {
    const { importTrainingExamples } = await import('./import-examples.js');
    const { textTrainingExamples } = await import('./tables.js');
    const rows = ['学校食堂饭菜质量差，孩子吃不饱', '幼儿园乱收费', '中学补课收费', '小学学位不足，孩子入学难', '教师体罚学生'].map(
      (body, i) => ({ id: String(i), title: '', body, label: '教育文体' }),
    );
    await expect(
      perform(t.ctx, systemActor, importTrainingExamples, {
        rows: [...rows, { id: 'x', title: '', body: '?', label: '不存在的分类' }],
        source: 'test.csv',
      }),
    ).rejects.toThrow(/不存在的分类/);
    expect(await database.db.select().from(textTrainingExamples)).toHaveLength(0);
    expect(await perform(t.ctx, systemActor, importTrainingExamples, { rows, source: 'test.csv' })).toBe(5);
    // The stored model never saw them: it answers while a retraining on them runs.
    const suggester = new Suggester(database.db);
    await suggester.suggestCategories('学校食堂的饭菜太差了');
    await suggester.settled();
    const top = await suggester.suggestCategories('学校食堂的饭菜太差了');
    expect(top[0].name).toBe('教育文体');
  });
});
