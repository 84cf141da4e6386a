// The assessments module's public face: other modules import only this file.

export { resultsForSubjectRef } from './queries/subject-results.js';
export { unitQualityForMonth } from './queries/unit-quality.js';
export { assessmentRoutes } from './routes.js';
export { assessmentRubrics, assessmentSubjects, assessments, rectificationTasks } from './tables.js';
