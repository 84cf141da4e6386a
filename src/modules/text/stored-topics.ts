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
  members: { id: number; title: string }[];
};

const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * The stored topics a reader may see: only their members inside the reader's regions (and the
 * region asked for) are listed and counted, and a topic with fewer than two such members is left out.
 */
export async function storedTopics(db: Db, q: { scope: SQL; regionId?: number; days: number; rising?: 'true'; limit: number; now: Date }) {
  const since = new Date(q.now.getTime() - q.days * 86_400_000);
  const rows = await queryRows<Row>(
    db,
    sql`select t.label, t.place, t.problem, t.keywords, t.heat, t.reporters, t.rising, t.first_at, t.last_at, t.computed_at,
               json_agg(json_build_object('id', m.demand_id, 'title', d.title) order by m.demand_id) as members
          from topics t
          join topic_members m on m.topic_id = t.id
          join demands d on d.id = m.demand_id
         where t.last_at >= ${since.toISOString()}::timestamptz and (${q.scope})
           ${q.regionId ? sql`and ${underNode(sql`m.region_path`, 'regions', q.regionId)}` : sql``}
           ${q.rising ? sql`and t.rising` : sql``}
         group by t.id
        having count(*) >= 2
         order by t.heat desc, t.id
         limit ${q.limit}`,
  );
  const [last] = await queryRows<{ at: string | Date | null }>(db, sql`select max(computed_at) as at from topics`);
  return {
    items: rows.map((r) => ({
      label: r.label,
      place: r.place,
      problem: r.problem,
      keywords: r.keywords,
      heat: Number(r.heat),
      size: r.members.length,
      reporters: Math.min(Number(r.reporters), r.members.length),
      rising: r.rising,
      first: iso(r.first_at),
      last: iso(r.last_at),
      demandIds: r.members.map((m) => Number(m.id)),
      members: r.members.map((m) => ({ id: Number(m.id), title: m.title })),
    })),
    computedAt: last?.at ? iso(last.at) : null,
  };
}
