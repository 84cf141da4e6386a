import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { underNode } from '../../db/tree.js';

type Row = {
  label: string;
  place: string | null;
  problem: string;
  keywords: string[];
  heat: number;
  reporters: number;
  rising: boolean;
  first_at: string | Date;
  last_at: string | Date;
  computed_at: string | Date;
};

/** A topic of thousands lists its newest members; its size still counts them all. */
const membersShown = 500;

const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * The stored topics a reader may see: only their members inside the reader's regions (and the
 * region asked for) are listed and counted, and a topic with fewer than two such members is left out.
 */
export async function storedTopics(db: Db, q: { scope: SQL; regionId?: number; days: number; rising?: 'true'; limit: number; now: Date }) {
  const since = new Date(q.now.getTime() - q.days * 86_400_000);
  const inScope = sql`(${q.scope}) ${q.regionId ? sql`and ${underNode(sql`m.region_path`, 'regions', q.regionId)}` : sql``}`;
  const rows = await queryRows<Row & { id: number; size: number; initiative: { id: number; title: string } | null }>(
    db,
    sql`select t.id, t.label, t.place, t.problem, t.keywords, t.heat, t.reporters, t.rising, t.first_at, t.last_at, t.computed_at,
               count(*)::int as size,
               -- Topics are rebuilt with new ids: the initiative is found through the demands they share.
               (select json_build_object('id', i.id, 'title', i.title)
                  from initiative_demands x join initiatives i on i.id = x.initiative_id
                 where x.removed_at is null
                   and x.demand_id in (select tm.demand_id from topic_members tm where tm.topic_id = t.id)
                 order by i.id desc limit 1) as initiative
          from topics t
          join topic_members m on m.topic_id = t.id
         where t.last_at >= ${since.toISOString()}::timestamptz and ${inScope}
           ${q.rising ? sql`and t.rising` : sql``}
         group by t.id
        having count(*) >= 2
         order by t.heat desc, t.id
         limit ${q.limit}`,
  );
  // The members a supervisor checks before promoting: the newest, with their titles, at most a few hundred a topic.
  const members = rows.length
    ? await queryRows<{ topic_id: number; id: number; title: string }>(
        db,
        sql`select x.topic_id, x.demand_id::int as id, d.title
              from (select m.topic_id, m.demand_id,
                           row_number() over (partition by m.topic_id order by m.demand_id desc) as k
                      from topic_members m
                     where m.topic_id in (${sql.join(
                       rows.map((r) => sql`${r.id}`),
                       sql`, `,
                     )}) and ${inScope}) x
              join demands d on d.id = x.demand_id
             where x.k <= ${membersShown}
             order by x.topic_id, x.demand_id`,
      )
    : [];
  const byTopic = new Map<number, { id: number; title: string }[]>();
  for (const m of members) byTopic.set(m.topic_id, [...(byTopic.get(m.topic_id) ?? []), { id: Number(m.id), title: m.title }]);
  const [last] = await queryRows<{ at: string | Date | null }>(db, sql`select max(computed_at) as at from topics`);
  return {
    items: rows.map((r) => {
      const listed = byTopic.get(r.id) ?? [];
      return {
        label: r.label,
        place: r.place,
        problem: r.problem,
        keywords: r.keywords,
        heat: Number(r.heat),
        size: Number(r.size),
        reporters: Math.min(Number(r.reporters), Number(r.size)),
        rising: r.rising,
        first: iso(r.first_at),
        last: iso(r.last_at),
        demandIds: listed.map((m) => m.id),
        members: listed,
        initiative: r.initiative ? { id: Number(r.initiative.id), title: r.initiative.title } : null,
      };
    }),
    computedAt: last?.at ? iso(last.at) : null,
  };
}
