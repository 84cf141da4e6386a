import { type ActionContext, audit, organisesIn } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { issueAuthorReceipt, screenSubmission } from '../../moderation/index.js';
import { consumeVerificationCode, phoneKey } from '../../notifications/index.js';
import { getRegion } from '../../regions/index.js';
import { proposalText } from '../moderated-text.js';
import { proposalSeconds, proposals } from '../tables.js';

export type SubmitProposalOptions = {
  regionId: number;
  title: string;
  body: string;
  name?: string | null;
  phone: string;
  code?: string | null;
};

/**
 * 提议. A resident proves their phone with a code; an operator may enter it on their behalf
 * (at the desk, for those without a smartphone). The proposer's own support counts as the first.
 */
export async function submitProposal(a: ActionContext, opts: SubmitProposalOptions) {
  const region = await getRegion(a.tx, opts.regionId);
  if (!region) throw new AppError('validation.reference', { zh: '所选社区不存在。', en: 'The community does not exist.' });
  if (a.actor.kind === 'user') {
    if (!organisesIn(a.actor, region.path)) throw new AppError('auth.forbidden');
  } else await consumeVerificationCode(a, opts.phone, opts.code ?? '');
  const phoneHash = phoneKey(opts.phone);
  const [p] = await a.tx
    .insert(proposals)
    .values({
      regionId: region.id,
      title: opts.title,
      body: opts.body,
      proposerName: opts.name?.trim() || null,
      proposerPhoneHash: phoneHash,
      seconds: 1,
      createdAt: a.now,
    })
    .returning();
  await a.tx.insert(proposalSeconds).values({ proposalId: p.id, phoneHash, createdAt: a.now });
  await audit(a, { resource: 'proposal', resourceId: p.id, action: 'submit', regionPath: region.path, data: { title: p.title } });
  await screenSubmission(a, { kind: 'proposal', id: p.id, text: `${proposalText(p)} ${p.proposerName ?? ''}`, regionPath: region.path });
  return { ...p, authorToken: await issueAuthorReceipt(a, { kind: 'proposal', id: p.id }) };
}
