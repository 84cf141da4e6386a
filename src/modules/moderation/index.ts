// The moderation module's public face.
export { screenSubmission } from './actions/moderate.js';
export { issueAuthorReceipt } from './author-receipt.js';
export { asWritten, type PublicFace, publicFaces, withheldIds } from './queries.js';
export { type ModeratedSource, registerModeratedKind } from './registry.js';
export { moderationRoutes } from './routes.js';
export { moderationStates } from './tables.js';
