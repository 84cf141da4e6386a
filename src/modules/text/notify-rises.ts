import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { AppContext } from '../../kernel/index.js';
import { enqueueConsoleMessages, enqueueSms } from '../../kernel/outbox.js';
import { getSetting } from '../settings/index.js';

/** A topic of this refresh that is rising, as stored: its new id and what says which topic it is across refreshes. */
export type RisingTopic = { topicId: number; label: string; place: string | null; size: number; demandIds: number[] };

/** The rise's key outlives the topic's id: its place and its earliest demand, both steady while it rises. */
export const riseKey = (t: Pick<RisingTopic, 'place' | 'demandIds'>) => `${t.place ?? ''}#${Math.min(...t.demandIds)}`;

/**
 * Inside the refresh's transaction: a topic that has begun to rise since the last refresh is recorded and its
 * region's supervisors and its unit's handlers are told once (a console message; an SMS too where
 * `topics.risingSms` is on). A topic no longer rising closes its rise, so a later rise is told again.
 */
export async function notifyRises(a: { tx: Tx; now: Date; app: AppContext; afterCommit: (fn: () => void) => void }, rising: RisingTopic[]) {
  const { tx, now } = a;
  const keys = rising.map(riseKey);
  await tx.execute(
    sql`update topic_rises set ended_at = ${now.toISOString()}::timestamptz
         where ended_at is null ${
           keys.length
             ? sql`and key not in (${sql.join(
                 keys.map((k) => sql`${k}`),
                 sql`, `,
               )})`
             : sql``
         }`,
  );
  const texting = rising.length > 0 && (await getSetting(tx, 'topics.risingSms'));
  let told = 0;
  for (const t of rising) {
    // Where most of its demands are, and the unit holding most of them (none before any is dispatched).
    const [where] = await queryRows<{ region_id: number | null; unit_id: number | null }>(
      tx,
      sql`select (select d.region_id from demands d where d.id in (${ids(t)}) group by d.region_id order by count(*) desc, d.region_id limit 1) as region_id,
                 (select d.unit_id from demands d where d.id in (${ids(t)}) and d.unit_id is not null
                   group by d.unit_id order by count(*) desc, d.unit_id limit 1) as unit_id`,
    );
    const inserted = await queryRows<{ id: number }>(
      tx,
      sql`insert into topic_rises (key, label, region_id, unit_id, rose_at)
          values (${riseKey(t)}, ${t.label}, ${where.region_id}, ${where.unit_id}, ${now.toISOString()}::timestamptz)
          on conflict (key) where ended_at is null do nothing returning id`,
    );
    if (inserted.length === 0) continue;
    told++;
    const to = [
      ...(where.region_id ? [`region:${where.region_id}:supervisors`] : []),
      ...(where.unit_id ? [`unit:${where.unit_id}:handlers`] : []),
    ];
    await enqueueConsoleMessages(a, to, `一类事上升：“${t.label}”近期诉求增多（${t.size} 件），请关注。`);
    if (texting)
      for (const phone of await phonesOf(tx, where.region_id, where.unit_id))
        await enqueueSms(a, { to: phone, template: 'topic_rising', params: { topic: t.label, n: String(t.size) } });
  }
  return told;
}

const ids = (t: RisingTopic) =>
  sql.join(
    t.demandIds.map((id) => sql`${id}`),
    sql`, `,
  );

/** Supervisors over the region (granted on it or on a place above it) and the unit's handlers, with a phone. */
async function phonesOf(tx: Tx, regionId: number | null, unitId: number | null): Promise<string[]> {
  if (!regionId && !unitId) return [];
  const rows = await queryRows<{ phone: string }>(
    tx,
    sql`select distinct u.phone from users u join user_roles g on g.user_id = u.id
         where u.disabled_at is null and u.phone is not null and u.phone <> ''
           and ((g.role = 'supervisor' and ${regionId ?? null}::int is not null and g.region_id in
                  (select a.id from regions a, regions r where r.id = ${regionId ?? null}::int and r.path like a.path || '%'))
             or (g.role = 'handler' and g.unit_id = ${unitId ?? null}::int))
         order by u.phone`,
  );
  return rows.map((r) => r.phone);
}
