import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, perform } from '../../src/kernel/index.js';
import { demandEvents, demands } from '../../src/modules/demands/tables.js';
import { answerInitiative } from '../../src/modules/initiatives/actions/answer-initiative.js';
import { createInitiative } from '../../src/modules/initiatives/actions/create-initiative.js';
import { initiatives } from '../../src/modules/initiatives/tables.js';
import { setUpWorld, type TestClock } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { buildDemand, type World } from '../world.js';

let database: TestDatabase;
let world: World;
let t: TestClock;

beforeAll(async () => ({ database, world, t } = await setUpWorld()));
afterAll(() => database.drop());

const count = async (table: typeof auditEvents | typeof demandEvents) =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

describe('a composite action is one transaction', () => {
  it('a collective answer that fails at its third demand leaves every demand, the initiative and the trail as they were', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await buildDemand(t.ctx, world)).demand.id);
    const initiative = await perform(t.ctx, world.actors.supervisor, createInitiative, {
      title: '路灯专项',
      unitId: world.deptA.id,
      demandIds: ids,
    });
    // A real failure inside the database, only when the third demand is touched.
    await database.db.execute(
      sql.raw(`create function fail_third() returns trigger language plpgsql as $$
      begin raise exception 'injected failure on demand %', old.id; end $$`),
    );
    await database.db.execute(
      sql.raw(`create trigger fail_third before update on demands for each row when (old.id = ${ids[2]}) execute function fail_third()`),
    );
    const before = { audit: await count(auditEvents), events: await count(demandEvents) };

    const failure = await perform(t.ctx, world.actors.supervisor, answerInitiative, {
      initiativeId: initiative.id,
      answer: '已统一更换路灯。',
      recipients: ids,
    }).catch((e: Error) => e);
    expect(String((failure as Error).cause)).toMatch(/injected failure/);

    const rows = await database.db.select({ state: demands.state, version: demands.version }).from(demands).where(inArray(demands.id, ids));
    expect(rows.map((r) => r.state)).toEqual(['registered', 'registered', 'registered', 'registered']);
    expect(rows.every((r) => r.version === 1)).toBe(true);
    const [after] = await database.db.select().from(initiatives).where(eq(initiatives.id, initiative.id));
    expect(after.status).not.toBe('answered');
    expect(after.answer).toBeNull();
    expect({ audit: await count(auditEvents), events: await count(demandEvents) }).toEqual(before);

    await database.db.execute(sql.raw('drop trigger fail_third on demands'));
    const answered = await perform(t.ctx, world.actors.supervisor, answerInitiative, {
      initiativeId: initiative.id,
      answer: '已统一更换路灯。',
      recipients: ids,
    });
    expect(answered.results.map((r) => r.outcome)).toEqual(['replied', 'replied', 'replied', 'replied']);
  });

  it('refuses an action that changes state without writing its audit event', async () => {
    const { UnauditedActionError } = await import('../../src/kernel/index.js');
    const sneaky = async (a: import('../../src/kernel/index.js').ActionContext, input: { id: number }) => {
      await a.tx.update(demands).set({ supervised: true }).where(eq(demands.id, input.id));
    };
    const { demand } = await buildDemand(t.ctx, world);
    await expect(perform(t.ctx, world.actors.admin, sneaky, { id: demand.id })).rejects.toBeInstanceOf(UnauditedActionError);
    const [row] = await database.db.select().from(demands).where(eq(demands.id, demand.id));
    expect(row.supervised).toBe(false);
  });
});
