// The text module's public face: other modules import only this file.
export { autoDispatch } from './auto-dispatch.js';
export { classifyCommand, topicsCommand } from './cli.js';
export { readLabeledCsv } from './evaluate.js';
export { importTrainingExamples } from './import-examples.js';
export { refreshTopics, scheduleTopicRefresh } from './refresh-topics.js';
export { textRoutes } from './routes.js';
export { Segmenter } from './segment.js';
export { retrainAfter, retrainCron, retrainJob, Suggester } from './suggester.js';
