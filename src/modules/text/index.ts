// The text module's public face: other modules import only this file.
import { subscribe } from '../../kernel/index.js';
import { autoDispatchRegistered } from './auto-dispatch.js';

// Every channel's intake may be dispatched by the system (when an admin set a confidence).
subscribe('demand.registered', 'text.auto-dispatch', autoDispatchRegistered);

export { autoDispatch, autoDispatchWith } from './auto-dispatch.js';
export { classifyCommand, topicsCommand } from './cli.js';
export { readLabeledCsv } from './evaluate.js';
export { importTrainingExamples } from './import-examples.js';
export { refreshTopics, scheduleTopicRefresh } from './refresh-topics.js';
export { textRoutes } from './routes.js';
export { compactRoutingHistory, scheduleRoutingHistoryCompaction } from './routing-history.js';
export { Segmenter } from './segment.js';
export { retrainAfter, retrainCron, retrainJob, Suggester } from './suggester.js';
