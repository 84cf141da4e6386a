// The proposals module's public face: other modules import only this file.
import { registerAgendaSource } from '../councils/index.js';
import { putProposalOnAgenda } from './actions/put-proposal-on-agenda.js';

// A council may take a proposal onto its agenda; the councils module learns how from here.
registerAgendaSource('proposal', putProposalOnAgenda);

export { proposalRoutes } from './routes.js';
export { proposals } from './tables.js';
