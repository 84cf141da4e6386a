import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import {
  type Actor,
  appContextFor,
  coversRegion,
  type Grant,
  handlesUnit,
  perform,
  type Role,
  roles,
  scopeCondition,
  scopeHolds,
  scopeOf,
  systemActor,
} from '../../src/kernel/index.js';
import { createUser } from '../../src/modules/accounts/actions/create-user.js';
import { loadActor } from '../../src/modules/accounts/store.js';
import { dispatchDemand } from '../../src/modules/demands/actions/dispatch-demand.js';
import { mayView } from '../../src/modules/demands/policy.js';
import { monthReport } from '../../src/modules/rates/queries/month-report.js';
import { setUpWorld, type TestClock } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { buildDemand, type World } from '../world.js';

// Grants are read in one place (src/kernel/scope.ts). Every role with every kind of grant, against records inside
// and outside its reach: the SQL condition lists take and the predicate checks take agree, and both say what the
// rule says.

let database: TestDatabase;
let world: World;
let t: TestClock;
beforeAll(async () => ({ database, world, t } = await setUpWorld()));
afterAll(() => database.drop());

const user = (...grants: Grant[]): Actor => ({ kind: 'user', userId: 1, username: 'u', displayName: 'u', grants });

type GrantKind = 'installation' | 'township' | 'unit 7';
const grantOf = (role: Role, kind: GrantKind): Grant =>
  kind === 'installation'
    ? { role, regionPath: null, unitId: null }
    : kind === 'township'
      ? { role, regionPath: '/1/2/', unitId: null }
      : { role, regionPath: null, unitId: 7 };

const records = {
  'a community of the township': { regionPath: '/1/2/5/', unitIds: [] },
  'another township': { regionPath: '/1/3/', unitIds: [] },
  'unit 7’s, elsewhere': { regionPath: '/1/3/', unitIds: [7] },
  'unit 8’s, elsewhere': { regionPath: '/1/3/', unitIds: [8] },
} as const;
type RecordName = keyof typeof records;

/** The rule, written out: a handler's grant is its unit's work; any other grant is a region, none the whole installation. */
function expected(role: Role, kind: GrantKind, record: RecordName): boolean {
  if (role === 'admin') return true;
  if (role === 'handler') return kind === 'unit 7' && record === 'unit 7’s, elsewhere';
  if (kind === 'township') return record === 'a community of the township';
  return true; // a grant on the whole installation
}

async function inSql(actor: Actor, asked: readonly Role[], record: (typeof records)[RecordName]): Promise<boolean> {
  const condition = scopeCondition(scopeOf(actor, asked), {
    regionPath: sql`${record.regionPath}::text`,
    unitId: sql`${record.unitIds[0] ?? null}::int`,
  });
  if (!condition) return true;
  const [row] = await queryRows<{ ok: boolean | null }>(database.db, sql`select (${condition}) as ok`);
  return row.ok === true;
}

describe('one reading of grants', () => {
  const cases = roles.flatMap((role) =>
    (['installation', 'township', 'unit 7'] as GrantKind[])
      .filter((kind) => (role === 'handler') === (kind === 'unit 7') || role === 'admin')
      .flatMap((kind) => (Object.keys(records) as RecordName[]).map((record) => [role, kind, record] as const)),
  );

  it.each(cases)('%s with a grant on %s, a record in %s', async (role, kind, record) => {
    const actor = user(grantOf(role, kind));
    const want = expected(role, kind, record);
    const r = records[record];
    expect(scopeHolds(scopeOf(actor), r)).toBe(want);
    expect(await inSql(actor, roles, r)).toBe(want);
  });

  it('a grant for a role not asked for reaches nothing; the system everything; a resident nothing', async () => {
    const operator = user(grantOf('operator', 'installation'));
    expect(scopeHolds(scopeOf(operator, ['supervisor']), records['another township'])).toBe(false);
    expect(await inSql(operator, ['supervisor'], records['another township'])).toBe(false);
    expect(scopeOf(systemActor)).toEqual({ all: true });
    expect(scopeHolds(scopeOf({ kind: 'resident' }), records['a community of the township'])).toBe(false);
    expect(await inSql({ kind: 'resident' }, roles, records['a community of the township'])).toBe(false);
  });

  it('the checks of one record read the same scope: coversRegion, handlesUnit, mayView', () => {
    const township = user(grantOf('dispatcher', 'township'));
    const handler = user(grantOf('handler', 'unit 7'));
    expect(coversRegion(township, 'dispatcher', '/1/2/5/')).toBe(true);
    expect(coversRegion(township, 'dispatcher', '/1/3/')).toBe(false);
    expect(coversRegion(township, 'operator', '/1/2/5/')).toBe(false);
    expect(handlesUnit(handler, 7)).toBe(true);
    expect(handlesUnit(handler, 8)).toBe(false);
    expect(handlesUnit(handler, null)).toBe(false);
    expect(mayView(handler, { regionPath: '/1/3/', unitId: 8 }, [7])).toBe(true);
    expect(mayView(handler, { regionPath: '/1/3/', unitId: 8 })).toBe(false);
    expect(mayView(township, { regionPath: '/1/2/5/', unitId: null })).toBe(true);
  });
});

describe('三率 read through the same scope', () => {
  it('a township’s supervisor sees the units that work there, ranked on the district’s board', async () => {
    const ctx = t.ctx;
    for (const [regionId, unitId] of [
      [world.c3.id, world.t2Gov.id],
      [world.c1.id, world.deptA.id],
      [world.c1.id, world.deptB.id],
    ]) {
      const d = await buildDemand(ctx, world, { regionId, content: '路灯不亮，晚上看不见路' });
      await perform(ctx, world.actors.dispatcher, dispatchDemand, { demandId: d.demand.id, unitId });
    }
    const { id } = await perform(appContextFor(database.db), systemActor, createUser, {
      username: 'supervisorT2',
      displayName: '丽发镇 督办',
      password: 'password-123',
      roles: [{ role: 'supervisor', regionId: world.t2.id }],
    });
    const township = (await loadActor(database.db, id))!;
    const district = await monthReport(database.db, world.actors.supervisor, ctx.now());
    const mine = await monthReport(database.db, township, ctx.now());
    expect(district.units.map((u) => u.unitName).sort()).toEqual(['丽发镇人民政府', '区城市管理局', '区自来水公司'].sort());
    expect(mine.units.map((u) => u.unitName)).toEqual(['丽发镇人民政府']);
    expect(mine.total.counts.dispatched).toBe(1);
    expect(district.total.counts.dispatched).toBe(3);
    const onBoard = district.units.find((u) => u.unitName === '丽发镇人民政府')!;
    expect(mine.units[0].rank).toBe(onBoard.rank);
    await expect(monthReport(database.db, world.actors.handlerA, ctx.now())).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
