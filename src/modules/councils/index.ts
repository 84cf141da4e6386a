// The councils module's public face: other modules import only this file.
import { registerModeratedKind } from '../moderation/index.js';
import { locateNoticeComment, recentNoticeComments } from './store.js';

// Residents' comments on notices can be moderated; the moderation module learns how to find them here.
registerModeratedKind('notice_comment', { locate: locateNoticeComment, recent: recentNoticeComments });

export { addAgendaItem } from './actions/add-agenda-item.js';
export { createCouncil } from './actions/create-council.js';
export { scheduleMeeting } from './actions/schedule-meeting.js';
export { type AgendaSource, registerAgendaSource } from './agenda-sources.js';
export { chaseOverdueActionItems, scheduleActionItemChase } from './chase-overdue.js';
export { councilRoutes } from './routes.js';
export { councilChairsOver } from './store.js';
export { councilSeats, councils } from './tables.js';
