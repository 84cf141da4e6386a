import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { bandKeys, estimatedSimilarity, signature, signatureFromBuffer } from '../../lib/minhash.js';

export type DuplicateCandidate = {
  id: number;
  number: string;
  title: string;
  state: string;
  regionName: string;
  similarity: number;
  createdAt: string;
};

/** The township part of a region path ("/1/4/17/" → "/1/4/"): "same or neighbouring place". */
export const neighbourhood = (regionPath: string) => {
  const ids = regionPath.split('/').filter(Boolean);
  return `/${ids.slice(0, Math.min(2, ids.length)).join('/')}/`;
};

/**
 * Open demands about the same problem at the same place: candidates come from the LSH index
 * (a GIN index over the signature's band keys, whatever the number of stored demands), then are scored by their
 * signatures. Only demands still open, in the same township, within the window, count.
 */
export async function findDuplicates(
  db: Db,
  input: { text: string; regionPath: string; excludeId?: number; since: Date; threshold?: number; limit?: number; scope?: SQL },
): Promise<DuplicateCandidate[]> {
  const sig = signature(input.text);
  const keys = sql`array[${sql.join(
    bandKeys(sig).map((h) => sql`${h}`),
    sql`, `,
  )}]::int[]`;
  const rows = await queryRows<{
    id: number;
    number: string;
    title: string;
    state: string;
    region_name: string;
    minhash: Buffer | Uint8Array;
    created_at: string | Date;
  }>(
    db,
    sql`select demands.id::int as id, demands.number, demands.title, demands.state, regions.name as region_name, demands.minhash, demands.created_at
          from demands
          join regions on regions.id = demands.region_id
         where demands.lsh && ${keys}
           and demands.state not in ('closed', 'declined', 'withdrawn', 'merged')
           and demands.created_at >= ${input.since.toISOString()}::timestamptz
           and demands.id <> ${input.excludeId ?? 0}
           and regions.path like ${`${neighbourhood(input.regionPath)}%`}
           and (${input.scope ?? sql`true`})
         limit 200`,
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      number: r.number,
      title: r.title,
      state: r.state,
      regionName: r.region_name,
      similarity: estimatedSimilarity(sig, signatureFromBuffer(Buffer.from(r.minhash))),
      createdAt: new Date(r.created_at).toISOString(),
    }))
    .filter((c) => c.similarity >= (input.threshold ?? 0.4))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, input.limit ?? 5);
}
