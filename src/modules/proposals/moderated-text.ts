import { and, desc, eq, ne } from 'drizzle-orm';
import { type Actor, organiserRoles, type Reader, withinRegions } from '../../kernel/index.js';
import { regionOf } from '../regions/index.js';
import { proposals } from './tables.js';

/** A proposal as one text for moderation: its title on the first line, its body after. */
export const proposalText = (p: { title: string; body: string }) => `${p.title}\n${p.body}`;

export function splitProposalText(text: string): [string, string] {
  const cut = text.indexOf('\n');
  return cut < 0 ? [text, ''] : [text.slice(0, cut), text.slice(cut + 1)];
}

/** What moderation needs to find a proposal: its text and its community. */
export async function locateProposal(db: Reader, id: number) {
  const [row] = await db
    .select({ p: proposals, path: regionOf(proposals.regionId).path })
    .from(proposals)
    .where(eq(proposals.id, id));
  return row ? { text: proposalText(row.p), regionPath: row.path } : null;
}

/** The newest proposals in the caller's region (merged ones live on in the one they joined). */
export async function recentProposals(db: Reader, actor: Actor, limit: number) {
  const region = regionOf(proposals.regionId);
  const rows = await db
    .select({ p: proposals, path: region.path, region: region.name })
    .from(proposals)
    .where(and(withinRegions(actor, organiserRoles, region.path), ne(proposals.status, 'merged')))
    .orderBy(desc(proposals.createdAt))
    .limit(limit);
  return rows.map((r) => ({ id: r.p.id, text: proposalText(r.p), regionPath: r.path, at: r.p.createdAt, context: r.region }));
}
