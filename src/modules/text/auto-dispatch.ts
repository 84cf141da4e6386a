import type { Db } from '../../db/client.js';
import { type ActionContext, type AppContext, type DomainEvent, perform, systemActor } from '../../kernel/index.js';
import { dispatchDemand, loadJoined } from '../demands/index.js';
import { getSetting } from '../settings/index.js';
import { Suggester } from './suggester.js';
import { textSuggestions } from './tables.js';

type Suggested = { demandId: number; modelVersion: string; categories: { categoryId: number; name: string; confidence: number }[] };

/** The system dispatches on a suggestion, and the suggestion it acted on is kept beside the dispatch. */
async function dispatchOnSuggestion(
  a: ActionContext,
  opts: Suggested & { units: { unitId: number; name: string; score: number; reason: string }[]; categoryId: number | null; note: string },
) {
  await a.tx
    .insert(textSuggestions)
    .values({ demandId: opts.demandId, modelVersion: opts.modelVersion, categories: opts.categories, units: opts.units, at: a.now });
  return dispatchDemand(a, { demandId: opts.demandId, unitId: opts.units[0].unitId, categoryId: opts.categoryId, note: opts.note });
}

/**
 * After intake: when an admin has set a confidence and the best unit suggestion reaches it,
 * the demand is dispatched in the system's name, the reason saying so. Otherwise it waits for a
 * dispatcher as usual. A demand no longer waiting for dispatch is left alone, so running twice
 * changes nothing; a failure (or no model yet) throws, and the event is tried again later.
 */
export async function autoDispatch(ctx: AppContext, suggester: Suggester, demandId: number): Promise<boolean> {
  const threshold = await getSetting(ctx.db, 'text.autoDispatchConfidence');
  if (!threshold) return false;
  const row = await loadJoined(ctx.db, demandId);
  if (row?.demand.state !== 'registered') return false;
  const categories = await suggester.suggestCategories(`${row.demand.title} ${row.demand.content}`);
  const units = await suggester.suggestUnits(categories, row.regionPath);
  if (!suggester.version) throw new Error('no suggestion model yet');
  const best = units[0];
  if (!best || best.score < threshold) return false;
  await perform(ctx, systemActor, dispatchOnSuggestion, {
    demandId,
    modelVersion: suggester.version,
    categories,
    units,
    categoryId: row.demand.categoryId ?? categories[0]?.categoryId ?? null,
    note: `自动派单：${best.reason}（置信度 ${best.score.toFixed(2)} ≥ ${threshold}，模型 ${suggester.version}）`,
  });
  return true;
}

// The server's suggester (one model in memory) serves automatic dispatch in its process too.
const suggesters = new WeakMap<Db, Suggester>();

/** Automatic dispatch in this process uses the suggester the server made for suggestions. */
export function autoDispatchWith(db: Db, suggester: Suggester): void {
  suggesters.set(db, suggester);
}

/** What `demand.registered` sets off here (subscribed in index.ts), whichever channel took the demand in. */
export async function autoDispatchRegistered(app: AppContext, event: DomainEvent<'demand.registered'>): Promise<void> {
  let suggester = suggesters.get(app.db);
  if (!suggester) {
    suggester = new Suggester(app.db, app.log, { firstModelWaitMs: 30_000 });
    suggesters.set(app.db, suggester);
  }
  await autoDispatch(app, suggester, event.subjectId);
}
