// The trainings module's public face: other modules import only this file.
export { trainingRoutes } from './routes.js';
export { courses, enrolments, trainingPlans } from './tables.js';
