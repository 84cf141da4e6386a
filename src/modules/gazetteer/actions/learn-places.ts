import { type ActionContext, audit, requireAdmin } from '../../../kernel/index.js';
import { placedAddresses } from '../../demands/index.js';
import { regionTree } from '../../regions/index.js';
import { mineCandidates } from '../mine.js';
import { namedPlaces } from '../tables.js';

/** How far back learning reads: the latest demands staff placed, enough to see a place said twice. */
const window = 20_000;

/**
 * Admin: candidate places learned from the demands staff placed in a community (registered by a
 * person, at community or grid level, with an address). Candidates wait for an admin's decision;
 * a name already known in that community (confirmed or rejected) is not proposed again.
 */
export async function learnPlaces(a: ActionContext, _input: Record<string, never>): Promise<{ proposed: number }> {
  requireAdmin(a.actor);
  const all = await regionTree(a.tx);
  const fine = all.filter((r) => r.level === 'community' || r.level === 'grid').map((r) => r.id);
  if (fine.length === 0) {
    a.unchanged();
    return { proposed: 0 };
  }
  const placed = await placedAddresses(a.tx, fine, window);
  const candidates = mineCandidates(
    placed,
    all.map((r) => r.name),
  );
  if (candidates.length === 0) {
    a.unchanged();
    return { proposed: 0 };
  }
  const inserted = await a.tx
    .insert(namedPlaces)
    .values(candidates.map((c) => ({ ...c, state: 'candidate' as const, source: 'learned' as const, createdAt: a.now })))
    .onConflictDoNothing()
    .returning({ id: namedPlaces.id });
  if (inserted.length === 0) {
    a.unchanged();
    return { proposed: 0 };
  }
  await audit(a, { resource: 'named_places', resourceId: 0, action: 'learn', data: { proposed: inserted.length } });
  return { proposed: inserted.length };
}
