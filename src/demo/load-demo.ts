import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import type { AppContext } from '../kernel/index.js';
import { type Actor, appContextFor, perform, systemActor } from '../kernel/index.js';
import { parseCsvObjects } from '../lib/csv.js';
import { createUser, loadActor } from '../modules/accounts/index.js';
import { upsertCalendarDays } from '../modules/calendar/index.js';
import { categories, seedCategories } from '../modules/categories/index.js';
import {
  acknowledgeDemand,
  answerDemandDirectly,
  closeDemand,
  declineDemand,
  dispatchDemand,
  recordCallback,
  registerDemand,
  replyDemand,
  requestExtension,
  returnDemand,
  titleFrom,
} from '../modules/demands/index.js';
import { seedGazetteer } from '../modules/gazetteer/index.js';
import { knowledgeArticles } from '../modules/knowledge/index.js';
import { createRegion, createUnit, units } from '../modules/regions/index.js';
import { demoPlaces, pointIn, schematicBoundaries } from './boundaries.js';
import { loadCurrentWork } from './current-work.js';
import { deliverDemoHistory } from './deliver-history.js';
import { departments, districtName, holidays2026, risingCluster, risingClusterReplies, sampleDemands, townships } from './district.js';
import { demoArticles } from './knowledge-articles.js';
import { loadCivic } from './load-civic.js';
import { loadProgrammes } from './load-programmes.js';

export const demoPassword = 'tingjian-demo';
export const demoLogins = [
  { username: 'admin', role: '管理员 admin' },
  { username: 'operator', role: '受理员 intake operator (whole district)' },
  { username: 'dispatcher', role: '派单员 dispatcher (whole district)' },
  { username: 'supervisor', role: '督办 supervisor (whole district)' },
  { username: 'handler.changyuan', role: '承办人员 handler — 昌元街道办事处' },
  { username: 'handler.zjw', role: '承办人员 handler — 区住房城乡建委' },
  { username: 'handler.cgj', role: '承办人员 handler — 区城市管理局' },
  { username: 'handler.u<id>', role: '承办人员 handler — every other unit (its id in /api/v1/units)' },
];

export async function isEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select (select count(*) from demands) + (select count(*) from regions) as n`);
  return Number(n) === 0;
}

/** A small deterministic generator, so every demo install looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type DemoOptions = { sharedDataDir?: string; maxImported?: number; log?: (msg: string) => void };

/**
 * Loads the demo district: regions, units, categories, calendar, knowledge base, one login per
 * role, and demands in every state, played through the real actions on a clock that runs over
 * the past weeks (so deadlines, timelines and 三率 look lived-in).
 */
export async function loadDemo(ctx: AppContext, opts: DemoOptions = {}): Promise<{ demands: number }> {
  const db = ctx.db;
  const log = opts.log ?? (() => {});
  await seedCategories(db);
  const catRows = await db.select().from(categories);
  const catId = (fullName: string) => {
    const found = catRows.find((c) => c.fullName === fullName);
    if (!found) throw new Error(`demo category missing: ${fullName}`);
    return found.id;
  };

  const ids = await db.transaction(async (tx) => {
    const district = await createRegion(tx, { parentId: null, level: 'district', name: districtName, code: '500153' });
    const townIds: number[] = [];
    const communityIds: number[][] = [];
    for (const [i, t] of townships.entries()) {
      const town = await createRegion(tx, {
        parentId: district.id,
        level: 'township',
        name: t.name,
        code: `500153${String(i + 1).padStart(3, '0')}`,
      });
      townIds.push(town.id);
      const list: number[] = [];
      for (const [j, name] of t.communities.entries()) {
        const c = await createRegion(tx, {
          parentId: town.id,
          level: 'community',
          name,
          code: `${town.code}${String(j + 1).padStart(3, '0')}`,
        });
        list.push(c.id);
        if (i === 0) {
          for (const g of [1, 2])
            await createRegion(tx, {
              parentId: c.id,
              level: 'grid',
              name: `${name}第${g}网格`,
              code: `${c.code}${String(g).padStart(2, '0')}`,
            });
        }
      }
      communityIds.push(list);
    }
    const townUnits: number[] = [];
    for (const [i, t] of townships.entries()) {
      const unitName = t.kind === 'subdistrict' ? `${t.name}办事处` : `${t.name}人民政府`;
      const u = await createUnit(tx, { name: unitName, kind: 'township_government', homeRegionId: townIds[i], regionIds: [townIds[i]] });
      townUnits.push(u.id);
    }
    const deptUnits = new Map<string, number>();
    for (const d of departments) {
      const categoryIds = d.categories.map((name) => catRows.find((c) => c.fullName === name)!.id);
      const u = await createUnit(tx, { name: d.name, kind: d.kind, regionIds: [district.id], categoryIds });
      deptUnits.set(d.name, u.id);
    }
    const community = await createUnit(tx, {
      name: '宝城社区居委会',
      kind: 'community_committee',
      homeRegionId: communityIds[0][0],
      regionIds: [communityIds[0][0]],
    });
    await createUnit(tx, { name: '荣昌宜居物业公司', kind: 'property_company', regionIds: [communityIds[0][1], communityIds[1][0]] });
    await upsertCalendarDays(tx, holidays2026);
    await seedGazetteer(tx, {
      boundaries: schematicBoundaries(district.code),
      places: demoPlaces.map((p) => ({
        name: p.name,
        kind: p.kind,
        code: `${district.code}${String(p.township + 1).padStart(3, '0')}${String(p.community + 1).padStart(3, '0')}`,
      })),
      at: ctx.now(),
    });
    return { district: district.id, townIds, communityIds, townUnits, deptUnits, community: community.id };
  });

  const users: Record<string, Actor> = {};
  const add = async (username: string, displayName: string, roles: Parameters<typeof createUser>[1]['roles']) => {
    const { id } = await perform(appContextFor(db), systemActor, createUser, { username, displayName, password: demoPassword, roles });
    users[username] = (await loadActor(db, id))!;
  };
  await add('admin', '系统管理员', [{ role: 'admin' }]);
  await add('operator', '受理员 王芳', [{ role: 'operator', regionId: ids.district }]);
  await add('dispatcher', '派单员 李强', [{ role: 'dispatcher', regionId: ids.district }]);
  await add('supervisor', '督办 陈静', [{ role: 'supervisor', regionId: ids.district }]);
  await add('handler.changyuan', '昌元街道 张伟', [{ role: 'handler', unitId: ids.townUnits[0] }]);
  await add('handler.zjw', '区住建委 刘洋', [{ role: 'handler', unitId: ids.deptUnits.get('区住房城乡建委')! }]);
  await add('handler.cgj', '区城管局 赵敏', [{ role: 'handler', unitId: ids.deptUnits.get('区城市管理局')! }]);

  // Every other unit gets a handler account too, so that timelines name a person, not "system".
  const handlers = new Map<number, Actor>([
    [ids.townUnits[0], users['handler.changyuan']],
    [ids.deptUnits.get('区住房城乡建委')!, users['handler.zjw']],
    [ids.deptUnits.get('区城市管理局')!, users['handler.cgj']],
  ]);
  const allUnits = await db.select({ id: units.id, name: units.name }).from(units);
  for (const u of allUnits) {
    if (handlers.has(u.id)) continue;
    await add(`handler.u${u.id}`, `${u.name} 承办人`, [{ role: 'handler', unitId: u.id }]);
    handlers.set(u.id, users[`handler.u${u.id}`]);
  }
  const handlerOf = (unitId: number | null) => (unitId !== null && handlers.get(unitId)) || systemActor;

  const admin = users.admin as Extract<Actor, { kind: 'user' }>;
  await db.insert(knowledgeArticles).values(demoArticles.map((a) => ({ ...a, status: 'approved' as const, createdBy: admin.userId })));

  // Play demands through the lifecycle on a clock that starts 45 days ago.
  const random = rng(20261129);
  const realNow = ctx.now();
  let clock = new Date(realNow.getTime() - 45 * 86_400_000);
  const at: AppContext = { ...ctx, now: () => clock };
  const advance = (hours: number) => {
    clock = new Date(Math.min(clock.getTime() + hours * 3_600_000, realNow.getTime() - 60_000));
  };

  type Seed = {
    title: string;
    content: string;
    type: (typeof sampleDemands)[number]['type'];
    categoryId: number | null;
    township: number;
    reply?: string;
  };
  const seeds: Seed[] = sampleDemands.map((s) => ({ ...s, categoryId: catId(s.category) }));
  const repliesFile = opts.sharedDataDir ? `${opts.sharedDataDir}/replies.csv` : null;
  if (repliesFile && existsSync(repliesFile)) {
    const rows = parseCsvObjects(readFileSync(repliesFile, 'utf8')).slice(0, opts.maxImported ?? 120);
    for (const r of rows) {
      if (!r.body?.trim() || r.body.length > 5000) continue;
      seeds.push({
        title: r.title.slice(0, 200),
        content: r.body,
        type: 'complaint',
        categoryId: null,
        township: Math.floor(random() * townships.length),
        reply: r.reply?.slice(0, 5000) || undefined,
      });
    }
    log(`demo: ${rows.length} real messages from ${repliesFile}`);
  }

  // The last seeds land in the last days: a rising topic at 宝城社区.
  for (const [i, text] of risingCluster.entries())
    seeds.push({
      title: titleFrom(text),
      content: text,
      type: 'complaint',
      categoryId: catId('城乡建设/城市建设和市政管理/城市公共设施'),
      township: 0,
      reply: risingClusterReplies[i],
    });

  const channels = ['hotline', 'hotline', 'hotline', 'web', 'walk_in', 'reception_day', 'letter'] as const;
  const op = users.operator;
  const disp = users.dispatcher;
  let count = 0;
  const start = clock.getTime();
  for (const [i, s] of seeds.entries()) {
    // Each demand starts at its own moment in the 45 days and lives forward from there.
    clock = new Date(start + (i / seeds.length) * 45 * 86_400_000);
    const communities = ids.communityIds[s.township];
    const phone = `13${String(800000000 + Math.floor(random() * 199999999)).slice(0, 9)}`;
    const channel = channels[i % channels.length];
    const where = placeOf(s.content, townships[s.township].communities) ?? Math.floor(random() * communities.length);
    const { demand } = await perform(at, channel === 'web' ? { kind: 'resident' } : op, registerDemand, {
      channel,
      type: s.type,
      title: s.title,
      content: s.content,
      reporterName: random() < 0.6 ? ['张阿姨', '李大爷', '王先生', '刘女士', '陈师傅'][i % 5] : null,
      reporterPhone: random() < 0.92 ? phone : null,
      reporterContact: '社区网格员代为联系',
      regionId: communities[where],
      address: `${townships[s.township].name}${i + 1}号附近`,
      // Most callers can say where; the portal and the app send a point inside the (schematic) community.
      ...(i % 10 < 7 ? pointIn(s.township, where, i) : {}),
      categoryId: s.categoryId,
      urgency: s.title.includes('燃气') ? 'emergency' : 'normal',
    });
    count++;
    const fate = random();
    if (fate < 0.12) continue; // still waiting for dispatch
    if (s.type === 'consultation' && s.reply) {
      advance(0.1);
      await perform(at, op, answerDemandDirectly, { demandId: demand.id, reply: s.reply });
      advance(30);
      await perform(at, op, recordCallback, { demandId: demand.id, satisfaction: 'satisfied', solved: true });
      await perform(at, op, closeDemand, { demandId: demand.id });
      continue;
    }
    if (fate < 0.16) {
      await perform(at, disp, declineDemand, { demandId: demand.id, reason: '属于司法程序中的事项，已告知居民通过法律途径解决。' });
      continue;
    }
    advance(0.5 + random());
    // The owning department when the category has one; otherwise the township (首接负责).
    const dispatched = await perform(at, disp, dispatchDemand, {
      demandId: demand.id,
      unitId: s.categoryId ? pickOwner(ids, s.categoryId, catRows) : undefined,
    });
    const handler = handlerOf(dispatched.unitId);
    if (fate < 0.24) continue; // dispatched, not yet acknowledged
    advance(random() < 0.85 ? 2 + random() * 10 : 30 + random() * 20);
    if (fate < 0.28) {
      await perform(at, handler, returnDemand, { demandId: demand.id, reason: '该事项不属于本单位职责，请改派相关部门。' });
      continue;
    }
    await perform(at, handler, acknowledgeDemand, { demandId: demand.id });
    // A message imported without its official reply stays with the unit: no made-up answer in public.
    if (fate < 0.36 || !s.reply) {
      if (random() < 0.4)
        await perform(at, handler, requestExtension, { demandId: demand.id, extraWorkdays: 5, reason: '需协调多个部门现场踏勘。' });
      continue;
    }
    advance(24 + random() * 24 * 9);
    await perform(at, handler, replyDemand, { demandId: demand.id, reply: s.reply });
    if (fate < 0.44) continue; // waiting for callback
    advance(4 + random() * 30);
    const r = random();
    await perform(at, op, recordCallback, {
      demandId: demand.id,
      satisfaction: r < 0.65 ? 'satisfied' : r < 0.85 ? 'basically_satisfied' : 'unsatisfied',
      solved: r < 0.8,
      comment: r < 0.85 ? '' : '问题没有根本解决。',
    });
    if (r < 0.85 || random() < 0.5) await perform(at, op, closeDemand, { demandId: demand.id });
  }
  count += await loadCurrentWork(
    ctx,
    {
      operator: op,
      dispatcher: disp,
      handlers: { changyuan: users['handler.changyuan'], zjw: users['handler.zjw'], cgj: users['handler.cgj'] },
    },
    {
      units: {
        changyuan: ids.townUnits[0],
        zjw: ids.deptUnits.get('区住房城乡建委')!,
        cgj: ids.deptUnits.get('区城市管理局')!,
      },
      regionOf: (text) => {
        for (const [ti, t] of townships.entries()) {
          const ci = placeOf(text, t.communities);
          if (ci !== undefined) return ids.communityIds[ti][ci];
        }
        return ids.communityIds[0][0];
      },
      categoryId: catId,
    },
  );
  const started = Date.now();
  await loadProgrammes(
    ctx,
    { at: (day) => ({ ...ctx, now: () => new Date(`${day}T10:00:00+08:00`) }) },
    { operator: op, supervisor: users.supervisor },
    { district: ids.district, townIds: ids.townIds },
  );
  log(`accountability (产业村长, 网格员, courses, a published review, a quality check) in ${Date.now() - started} ms`);
  await loadCivic(
    ctx,
    (day) => ({ ...ctx, now: () => new Date(`${day}T10:00:00+08:00`) }),
    { operator: op },
    { community: ids.communityIds[0][0], categoryId: catId('城乡建设/城市建设和市政管理/城市公共设施') },
  );
  const sent = await deliverDemoHistory(ctx);
  log(`demo: ${sent} texts of the past weeks delivered to the log`);
  return { demands: count };
}

/** The community a text names (宝城社区滨河路 → 宝城社区), so a demand is filed where it happened. */
function placeOf(text: string, communities: readonly string[]): number | undefined {
  const i = communities.findIndex((c) => text.includes(c) || text.includes(c.replace(/社区$|村$/, '')));
  return i >= 0 ? i : undefined;
}

/** The department that owns a category (its nearest owning ancestor), else undefined = 首接负责. */
function pickOwner(
  ids: { deptUnits: Map<string, number> },
  categoryId: number,
  catRows: { id: number; fullName: string }[],
): number | undefined {
  const full = catRows.find((c) => c.id === categoryId)!.fullName;
  let best: { len: number; unitId: number } | undefined;
  for (const d of departments) {
    for (const owned of d.categories) {
      if ((full === owned || full.startsWith(`${owned}/`)) && (!best || owned.length > best.len))
        best = { len: owned.length, unitId: ids.deptUnits.get(d.name)! };
    }
  }
  return best?.unitId;
}
