// The appointments module's public face: other modules import only this file.

export { appointCandidates } from './actions/appoint.js';
export { createProgramme } from './actions/create-programme.js';
export { logWork } from './actions/log-work.js';
export { pairSupport } from './actions/manage-term.js';
export { nominate } from './actions/nominate.js';
export { reviewCandidate } from './actions/review.js';
export { appointmentRoutes } from './routes.js';
export { appointees, appointmentProgrammes } from './tables.js';
