import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import type { AppContext } from '../src/kernel/index.js';
import { type Actor, appContextFor, perform, systemActor, type UserActor } from '../src/kernel/index.js';
import { createUser, type RoleInput } from '../src/modules/accounts/actions/create-user.js';
import { createApiToken, loadActor } from '../src/modules/accounts/store.js';
import { categories } from '../src/modules/categories/tables.js';
import { type RegisterDemandOptions, registerDemand } from '../src/modules/demands/actions/register-demand.js';
import { createRegion, createUnit } from '../src/modules/regions/store.js';

/** Text that must come back exactly as stored and must never run: markup and SQL metacharacters. */
export const hostileTitle = `<script>alert("xss")</script> 路灯不亮'; drop table demands; --`;
export const hostileContent = `<img src=x onerror=alert(1)> 小区门口路灯坏了 "quoted" \\ 100% _under_ 😀`;

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * A small district for a test file: two townships (T1 with two communities, T2 with one),
 * their governments, two departments, and one account per role, each with a bearer token.
 */
export async function buildWorld(db: Db) {
  const w = await db.transaction(async (tx) => {
    const district = await createRegion(tx, { parentId: null, level: 'district', name: '测试区', code: 'D' });
    const t1 = await createRegion(tx, { parentId: district.id, level: 'township', name: '桂花坪街道', code: 'D1' });
    const t2 = await createRegion(tx, { parentId: district.id, level: 'township', name: '丽发镇', code: 'D2' });
    const c1 = await createRegion(tx, { parentId: t1.id, level: 'community', name: '丽发新城社区', code: 'D1a' });
    const c2 = await createRegion(tx, { parentId: t1.id, level: 'community', name: '桂花社区', code: 'D1b' });
    const c3 = await createRegion(tx, { parentId: t2.id, level: 'community', name: '河坝村', code: 'D2a' });
    const [lights] = await tx.select().from(categories).where(eq(categories.fullName, '城乡建设/城市建设和市政管理/城市公共设施'));
    const [water] = await tx.select().from(categories).where(eq(categories.fullName, '城乡建设/城市建设和市政管理/自来水供应'));
    const t1Gov = await createUnit(tx, { name: '桂花坪街道办事处', kind: 'township_government', homeRegionId: t1.id, regionIds: [t1.id] });
    const t2Gov = await createUnit(tx, { name: '丽发镇人民政府', kind: 'township_government', homeRegionId: t2.id, regionIds: [t2.id] });
    const deptA = await createUnit(tx, { name: '区城市管理局', kind: 'department', regionIds: [district.id], categoryIds: [lights.id] });
    const deptB = await createUnit(tx, { name: '区自来水公司', kind: 'enterprise', regionIds: [district.id], categoryIds: [water.id] });
    return { district, t1, t2, c1, c2, c3, lights, water, t1Gov, t2Gov, deptA, deptB };
  });

  const people: Record<string, RoleInput[]> = {
    admin: [{ role: 'admin' }],
    operator: [{ role: 'operator', regionId: w.district.id }],
    operatorT2: [{ role: 'operator', regionId: w.t2.id }],
    dispatcher: [{ role: 'dispatcher', regionId: w.district.id }],
    supervisor: [{ role: 'supervisor', regionId: w.district.id }],
    handlerA: [{ role: 'handler', unitId: w.deptA.id }],
    handlerB: [{ role: 'handler', unitId: w.deptB.id }],
    handlerT1: [{ role: 'handler', unitId: w.t1Gov.id }],
  };
  const actors = {} as Record<keyof typeof people, UserActor>;
  const tokens = {} as Record<keyof typeof people, string>;
  for (const [username, roles] of Object.entries(people)) {
    const { id } = await perform(appContextFor(db), systemActor, createUser, {
      username,
      displayName: `测试 ${username}`,
      password: 'password-123',
      roles,
    });
    actors[username as keyof typeof people] = (await loadActor(db, id))!;
    tokens[username as keyof typeof people] = (await createApiToken(db, id, 'test')).token;
  }
  return { ...w, actors, tokens };
}

/** A registered demand with hostile text in community C1, for tests that need one. */
export async function buildDemand(ctx: AppContext, world: World, over: Partial<RegisterDemandOptions> & { actor?: Actor } = {}) {
  const { actor = world.actors.operator, ...rest } = over;
  return perform(ctx, actor, registerDemand, {
    channel: 'hotline',
    type: 'complaint',
    title: hostileTitle,
    content: hostileContent,
    reporterName: '张阿姨',
    reporterPhone: '13812345678',
    regionId: world.c1.id,
    address: '丽发新城 3 栋',
    categoryId: world.lights.id,
    ...rest,
  });
}

/** A real 1×1 PNG (header with its size), for upload tests. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A PNG header claiming 100,000 × 100,000 pixels: a decompression bomb's calling card. */
export const hugePngHeader = Buffer.concat([
  tinyPng.subarray(0, 16),
  Buffer.from([0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0]),
  tinyPng.subarray(24),
]);
