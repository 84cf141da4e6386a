// The demands module's public face: other modules import only this file.
import { registerModeratedKind } from '../moderation/index.js';
import { locateDemand, locateReply, recentDemands, recentReplies, tellReplyingUnit, tellReporter } from './moderated.js';

// What the public reads of an answered demand, its text and its reply, can be taken down by a moderator.
registerModeratedKind('demand', { locate: locateDemand, recent: recentDemands, tellAuthor: tellReporter });
registerModeratedKind('reply', { locate: locateReply, recent: recentReplies, tellAuthor: tellReplyingUnit });

export { acknowledgeDemand } from './actions/acknowledge-demand.js';
export { addAttachment } from './actions/add-attachment.js';
export { answerDemandDirectly } from './actions/answer-demand-directly.js';
export { closeDemand } from './actions/close-demand.js';
export { declineDemand } from './actions/decline-demand.js';
export { dispatchDemand } from './actions/dispatch-demand.js';
export { rateMerged } from './actions/rate-merged.js';
export { recordCallback } from './actions/record-callback.js';
export { type RegisterDemandOptions, type RegisterDemandResult, registerDemand, titleFrom } from './actions/register-demand.js';
export { type DemandLink, registerDemandFrom } from './actions/register-demand-from.js';
export { replyDemand } from './actions/reply-demand.js';
export { requestExtension } from './actions/request-extension.js';
export { returnDemand } from './actions/return-demand.js';
export { attachmentRoutes } from './attachment-routes.js';
export { escalateOverdue, scheduleEscalation } from './escalate-overdue.js';
export { type HistoricDemand, numbersTaken, recordHistoricDemands } from './historic.js';
export { openStates } from './lifecycle.js';
export { newQueryCode, normalizePhone } from './numbering.js';
export { publicDemandRoutes } from './public-routes.js';
export { type AnsweredDemand, answeredLike } from './queries/answered-like.js';
export { getDemand, loadJoined, loadVisible } from './queries/get-demand.js';
export { openStatesList, visibleDemands } from './queries/scope.js';
export {
  closedDemandsOfPeriod,
  demandAwaitingSurvey,
  demandExists,
  demandHeadlines,
  demandInRegions,
  demandNumberByExternalRef,
  demandOpenOf,
  demandRegionPaths,
  demandsAsRaised,
  demandTallyUnder,
  placedAddresses,
} from './read.js';
export {
  type CountedFor,
  callbacksByMonth,
  demandNumberOf,
  deskCallbacksByMonth,
  intakeAndClosedSince,
  intakeByChannel,
  intakeByPlace,
  locatedDemands,
  openByState,
  overdueByUnit,
  overdueCount,
  type PostedThrough,
  type PublicRequestFilter,
  publicRequests,
} from './read-figures.js';
export { demandRoutes } from './routes.js';
export { RegisterDemandBody } from './schema.js';
export { answeredStates } from './survivor.js';
export { type DemandState, demandEvents, demands, demandTypes, urgencies } from './tables.js';
