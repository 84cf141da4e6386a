import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import type { AppContext, JobQueue } from '../../kernel/index.js';
import { runInChild } from '../../lib/run-in-child.js';
import { notifyRises, type RisingTopic } from './notify-rises.js';
import { topicMembers, topics } from './tables.js';
import type { Topic, TopicInput } from './topics.js';

/** The window topics are computed over, and how many of its newest demands are read. */
export const topicWindowDays = 90;
const windowLimit = 20_000;
// Any constant the installation agrees on: one process refreshes at a time.
const refreshLock = 7_411_001;

const topicsInWorker = (docs: TopicInput[], userWords: string[], now: Date) =>
  runInChild<Topic[]>(new URL('./topics-worker.mjs', import.meta.url), { docs, userWords, now: now.toISOString() });

/**
 * Recomputes 一类事 over the newest demands of the window in a child process and replaces the
 * stored topics in one transaction, so that readers see the old set or the new one, never half.
 * Derived data, like a cache: it records no audit event. A topic that began to rise is told to its people
 * in the same transaction (see notify-rises.ts).
 */
export async function refreshTopics(app: AppContext): Promise<{ topics: number; demands: number; computedAt: Date; rises: number }> {
  const now = app.now();
  const since = new Date(now.getTime() - topicWindowDays * 86_400_000);
  const rows = await queryRows<{
    id: number;
    title: string;
    content: string;
    created_at: string | Date;
    reporter: string | null;
    place: string;
    path: string;
  }>(
    app.db,
    sql`select d.id::int as id, d.title, d.content, d.created_at, coalesce(d.reporter_phone, d.reporter_contact) as reporter,
               r.name as place, r.path
          from demands d join regions r on r.id = d.region_id
         where d.created_at >= ${since.toISOString()}::timestamptz and d.state <> 'merged'
         order by d.created_at desc, d.id desc limit ${windowLimit}`,
  );
  rows.reverse();
  const paths = new Map(rows.map((r) => [String(r.id), r.path]));
  const docs: TopicInput[] = rows.map((r) => ({
    id: String(r.id),
    text: `${r.title} ${r.content}`,
    title: r.title,
    time: new Date(r.created_at),
    reporter: r.reporter ?? String(r.id),
    place: r.place,
  }));
  const found = await topicsInWorker(docs, [...new Set(rows.map((r) => r.place))], now);
  const afterCommit: (() => void)[] = [];
  let rises = 0;
  await app.db.transaction(async (tx) => {
    const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${refreshLock}) as locked`);
    // Another process is writing the same window's topics now.
    if (!locked) return;
    await tx.delete(topicMembers);
    await tx.delete(topics);
    const rising: RisingTopic[] = [];
    for (let i = 0; i < found.length; i += 500) {
      const chunk = found.slice(i, i + 500);
      const ids = await tx
        .insert(topics)
        .values(
          chunk.map((t) => ({
            label: t.label,
            place: t.place,
            problem: t.problem,
            keywords: t.keywords,
            size: t.size,
            reporters: t.reporters,
            heat: t.heat,
            rising: t.rising,
            firstAt: new Date(t.first),
            lastAt: new Date(t.last),
            computedAt: now,
          })),
        )
        .returning({ id: topics.id });
      const members = chunk.flatMap((t, k) =>
        t.ids.map((id) => ({ topicId: ids[k].id, demandId: Number(id), regionPath: paths.get(id)! })),
      );
      for (let j = 0; j < members.length; j += 2000) await tx.insert(topicMembers).values(members.slice(j, j + 2000));
      chunk.forEach((t, k) => {
        if (t.rising) rising.push({ topicId: ids[k].id, label: t.label, place: t.place, size: t.size, demandIds: t.ids.map(Number) });
      });
    }
    rises = await notifyRises({ tx, now, app, afterCommit: (fn) => afterCommit.push(fn) }, rising);
  });
  for (const fn of afterCommit) fn();
  return { topics: found.length, demands: rows.length, computedAt: now, rises };
}

/**
 * Keeps the stored topics fresh through the job queue (one process at a time): soon after start,
 * every two minutes when demands came in since this process last refreshed, and at least once an
 * hour (heat and "rising" move with time).
 */
export async function scheduleTopicRefresh(app: AppContext, jobs: JobQueue): Promise<void> {
  let seen = '';
  await jobs.every('refresh-topics', '*/2 * * * *', async () => {
    const [{ mark }] = await queryRows<{ mark: string | null }>(
      app.db,
      sql`select coalesce((select max(id)::text from demands), '') as mark`,
    );
    const now = `${mark}@${Math.floor(app.now().getTime() / 3_600_000)}`;
    if (now === seen) return;
    await refreshTopics(app);
    seen = now;
  });
}
