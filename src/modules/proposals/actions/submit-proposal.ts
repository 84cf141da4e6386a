import type { AppContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { type Actor, organisesIn } from '../../../kernel/index.js';
import { consumeVerificationCode, phoneKey } from '../../notifications/index.js';
import { getRegion } from '../../regions/index.js';
import { proposalSeconds, proposals } from '../tables.js';

export type SubmitProposalOptions = { actor: Actor; regionId: number; title: string; body: string; name?: string | null; phone: string; code?: string | null };

/**
 * 提议. A resident proves their phone with a code; an operator may enter it on their behalf
 * (at the desk, for those without a smartphone). The proposer's own support counts as the first.
 */
export async function submitProposal(ctx: AppContext, opts: SubmitProposalOptions) {
  const region = await getRegion(ctx.db, opts.regionId);
  if (!region) throw new AppError('validation.reference', { zh: '所选社区不存在。', en: 'The community does not exist.' });
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    if (opts.actor.kind === 'user') {
      if (!organisesIn(opts.actor, region.path)) throw new AppError('auth.forbidden');
    } else await consumeVerificationCode(tx, opts.phone, opts.code ?? '', now);
    const phoneHash = phoneKey(opts.phone);
    const [p] = await tx
      .insert(proposals)
      .values({ regionId: region.id, title: opts.title, body: opts.body, proposerName: opts.name?.trim() || null, proposerPhoneHash: phoneHash, seconds: 1, createdAt: now })
      .returning();
    await tx.insert(proposalSeconds).values({ proposalId: p.id, phoneHash, createdAt: now });
    return p;
  });
}
