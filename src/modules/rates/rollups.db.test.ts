import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestClock } from '../../../test/api-world.js';
import type { TestDatabase } from '../../../test/db.js';
import { buildDemand, type World } from '../../../test/world.js';
import { queryRows } from '../../db/rows.js';
import { perform } from '../../kernel/index.js';
import { acknowledgeDemand, closeDemand, dispatchDemand, recordCallback, replyDemand, returnDemand } from '../demands/index.js';
import { countsByUnitDay } from './day-counts.js';
import { liveRuns, refreshRateRollups } from './rollups.js';
import { unitRatesForMonth } from './unit-rates.js';

let database: TestDatabase;
let world: World;
let t: TestClock;

beforeAll(async () => ({ database, world, t } = await setUpWorld(new Date('2026-11-02T09:00:00+08:00'))));
afterAll(async () => database.drop());

const at = (iso: string) => t.setNow(new Date(iso));

/** The month counted the plain way, every row aggregated: what the rollups must always agree with. */
async function reference(month: string) {
  const start = new Date(`${month}-01T00:00:00+08:00`);
  const end = new Date(`${month === '2026-11' ? '2026-12' : '2027-01'}-01T00:00:00+08:00`);
  const sums = new Map<number, Record<string, number>>();
  for (const { unitId, day: _, ...c } of await countsByUnitDay(database.db, start, end, t.ctx.now())) {
    const s = sums.get(unitId) ?? {};
    for (const [k, v] of Object.entries(c)) s[k] = (s[k] ?? 0) + v;
    sums.set(unitId, s);
  }
  return [...sums.entries()].sort(([a], [b]) => a - b).map(([unitId, s]): { unitId: number; [k: string]: number } => ({ unitId, ...s }));
}

async function served(month: string) {
  return (await unitRatesForMonth(database.db, month, t.ctx.now())).map((u) => ({ unitId: u.unitId, ...u.counts, ...u.marks }));
}

/** The past days marked as changed since their rollup. */
const dirtyBefore = async (day: string) =>
  (
    await queryRows<{ n: number }>(database.db, sql`select count(distinct day)::int as n from rate_rollup_dirty where day < ${day}::date`)
  )[0].n;

async function handled(day: number, unit: 'A' | 'B', ackHours: number) {
  at(`2026-11-${String(day).padStart(2, '0')}T09:00:00+08:00`);
  const { demand } = await buildDemand(t.ctx, world, { categoryId: unit === 'A' ? world.lights.id : world.water.id });
  const unitId = unit === 'A' ? world.deptA.id : world.deptB.id;
  const handler = unit === 'A' ? world.actors.handlerA : world.actors.handlerB;
  await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId });
  t.advanceHours(ackHours);
  await perform(t.ctx, handler, acknowledgeDemand, { demandId: demand.id });
  t.advanceHours(20);
  await perform(t.ctx, handler, replyDemand, { demandId: demand.id, reply: '已修复' });
  t.advanceHours(20);
  await perform(t.ctx, world.actors.operator, recordCallback, { demandId: demand.id, satisfaction: 'satisfied', solved: true });
  await perform(t.ctx, world.actors.operator, closeDemand, { demandId: demand.id });
  return demand.id;
}

describe('三率 from rollups kept as demands change', () => {
  it('agrees with counting every row, before, after and while days are rolled up and changed again', async () => {
    await handled(2, 'A', 1);
    await handled(3, 'A', 60);
    await handled(5, 'B', 2);
    // Dispatched on the 6th, left waiting: its day changes later, when the unit returns it.
    at('2026-11-06T10:00:00+08:00');
    const { demand: waiting } = await buildDemand(t.ctx, world, { categoryId: world.lights.id });
    await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: waiting.id, unitId: world.deptA.id });
    await handled(9, 'B', 30);

    at('2026-11-20T10:00:00+08:00');
    const before = await reference('2026-11');
    expect(before.length).toBeGreaterThan(1);
    // Nothing rolled up yet: everything is counted live.
    expect(await served('2026-11')).toEqual(before);

    const first = await refreshRateRollups(t.ctx);
    // Every day from the first demand (2 Nov) to yesterday (19 Nov).
    expect(first.days).toBe(18);
    expect(await dirtyBefore('2026-11-20')).toBe(0);
    expect(await served('2026-11')).toEqual(before);
    // The month reads the stored days: a stored figure changed by hand shows (then is put back).
    await database.db.execute(sql`update rate_rollups set dispatched = dispatched + 100 where day = '2026-11-02'`);
    expect((await served('2026-11')).find((u) => u.unitId === world.deptA.id)?.dispatched).toBe(
      before.find((u) => u.unitId === world.deptA.id)!.dispatched! + 100,
    );
    await database.db.execute(sql`update rate_rollups set dispatched = dispatched - 100 where day = '2026-11-02'`);
    expect((await refreshRateRollups(t.ctx)).days).toBe(0);

    // Today the unit returns the demand dispatched on the 6th: the 6th is counted live again at once.
    await perform(t.ctx, world.actors.handlerA, returnDemand, { demandId: waiting.id, reason: '不属于本单位职责' });
    // The day it was dispatched, and the day its reply fell due (the return cleared it).
    const marked = await dirtyBefore('2026-11-20');
    expect(marked).toBeGreaterThan(0);
    const changed = await reference('2026-11');
    expect(changed).not.toEqual(before);
    expect(await served('2026-11')).toEqual(changed);
    expect((await refreshRateRollups(t.ctx)).days).toBe(marked);
    expect(await dirtyBefore('2026-11-20')).toBe(0);
    expect(await served('2026-11')).toEqual(changed);

    // Into December: the rest of November is rolled up and the month still adds up.
    at('2026-12-02T10:00:00+08:00');
    expect((await refreshRateRollups(t.ctx)).days).toBe(12);
    expect(await served('2026-11')).toEqual(await reference('2026-11'));
  });

  it('counts live only the runs of days not rolled up', () => {
    const done = new Set(['2026-11-02', '2026-11-03', '2026-11-05']);
    expect(liveRuns('2026-11-01', '2026-11-07', done)).toEqual([
      ['2026-11-01', '2026-11-02'],
      ['2026-11-04', '2026-11-05'],
      ['2026-11-06', '2026-11-07'],
    ]);
  });
});
