// The proposals module's public face: other modules import only this file.
import { registerAgendaSource } from '../councils/index.js';
import { registerModeratedKind } from '../moderation/index.js';
import { putProposalOnAgenda } from './actions/put-proposal-on-agenda.js';
import { locateProposal, recentProposals } from './moderated-text.js';

// A council may take a proposal onto its agenda, and moderators may hide one: both learn how from here.
registerAgendaSource('proposal', putProposalOnAgenda);
registerModeratedKind('proposal', { locate: locateProposal, recent: recentProposals });

export { submitProposal } from './actions/submit-proposal.js';
export { proposalRoutes } from './routes.js';
export { proposals } from './tables.js';
