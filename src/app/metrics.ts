import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import type { HttpEnv } from '../http/env.js';
import { openStatesList } from '../modules/demands/index.js';

// Named as the open-demands index names them, so each scrape counts from that index, not the table.
const isOpen = sql`state in (${openStatesList})`;

type PoolLike = { totalCount?: number; idleCount?: number; waitingCount?: number };

/**
 * What Prometheus scrapes at /metrics: requests and latency by route (the registered pattern, so
 * ids never become labels), actions committed or refused by name, queue depths read from the
 * database at scrape time, the connection pool, and the process. Nothing personal is a label.
 */
export function createMetrics(db: Db, pool?: unknown) {
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: 'tingjian_' });
  const requests = new Counter({
    name: 'tingjian_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [register],
  });
  const latency = new Histogram({
    name: 'tingjian_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [register],
  });
  const actions = new Counter({
    name: 'tingjian_actions_total',
    help: 'State changes by action and outcome (committed, refused)',
    labelNames: ['action', 'outcome'] as const,
    registers: [register],
  });
  new Gauge({
    name: 'tingjian_outbox_backlog',
    help: 'Messages in the outbox not yet sent',
    registers: [register],
    async collect() {
      const [r] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from outbox_messages where status in ('pending', 'sending')`,
      );
      this.set(Number(r.n));
    },
  });
  new Gauge({
    name: 'tingjian_demands_open',
    help: 'Demands not yet ended, by state (the queues)',
    labelNames: ['state'] as const,
    registers: [register],
    async collect() {
      const rows = await queryRows<{ state: string; n: number }>(
        db,
        // 一屏's counters (src/modules/dashboard/counters.ts): a sum over their open-state rows, not a count of demands.
        sql`select state, sum(n)::int as n from demand_day_counts where ${isOpen} group by state having sum(n) > 0`,
      );
      this.reset();
      for (const r of rows) this.set({ state: r.state }, Number(r.n));
    },
  });
  new Gauge({
    name: 'tingjian_demands_overdue',
    help: 'Open demands past their current stage deadline',
    registers: [register],
    async collect() {
      const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from demands where ${isOpen} and stage_due_at < now()`);
      this.set(Number(r.n));
    },
  });
  const p = pool as PoolLike | undefined;
  if (p && typeof p.totalCount === 'number') {
    new Gauge({
      name: 'tingjian_db_pool_connections',
      help: 'Database pool connections by state',
      labelNames: ['state'] as const,
      registers: [register],
      collect() {
        this.set({ state: 'total' }, p.totalCount ?? 0);
        this.set({ state: 'idle' }, p.idleCount ?? 0);
        this.set({ state: 'waiting' }, p.waitingCount ?? 0);
      },
    });
  }

  const middleware: MiddlewareHandler<HttpEnv> = async (c, next) => {
    const end = latency.startTimer();
    await next();
    // The handler's registered pattern (the last match that is not a catch-all middleware).
    const route =
      matchedRoutes(c)
        .filter((r) => r.method !== 'ALL')
        .at(-1)?.path ?? 'unmatched';
    end({ method: c.req.method, route });
    requests.inc({ method: c.req.method, route, status: String(c.res.status) });
  };
  return {
    register,
    middleware,
    observeAction: (e: { action: string; outcome: 'committed' | 'refused' }) =>
      actions.inc({ action: e.action || 'anonymous', outcome: e.outcome }),
  };
}
