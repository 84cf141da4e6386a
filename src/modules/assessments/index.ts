// The assessments module's public face: other modules import only this file.
export { assessmentRoutes } from './routes.js';
export { assessmentRubrics, assessmentSubjects, assessments, rectificationTasks } from './tables.js';
