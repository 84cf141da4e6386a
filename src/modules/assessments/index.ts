// The assessments module's public face: other modules import only this file.

// Actions the demo loader plays, as any other caller would.
export { addSubjects } from './actions/add-subjects.js';
export { assignSubjects } from './actions/assign-subjects.js';
export { closeAssessment, openAssessment, publishAssessment } from './actions/change-state.js';
export { createAssessment } from './actions/create-assessment.js';
export { createRubric } from './actions/create-rubric.js';
export { drawAssessmentSample } from './actions/draw-sample.js';
export { importDemandPopulation } from './actions/import-demands.js';
export { recordScores } from './actions/record-scores.js';
export { setPanel } from './actions/set-panel.js';
export { resultsForSubjectRef } from './queries/subject-results.js';
export { unitQualityForMonth } from './queries/unit-quality.js';
export { assessmentRoutes } from './routes.js';
export { assessmentRubrics, assessmentSubjects, assessments, rectificationTasks } from './tables.js';
