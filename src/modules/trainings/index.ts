// The trainings module's public face: other modules import only this file.

export { recordAttendance } from './actions/attendance.js';
export { createCourse } from './actions/create-course.js';
export { enrol } from './actions/enrol.js';
export { createPlan, reviewPlan } from './actions/plans.js';
export { trainingRoutes } from './routes.js';
export { courses, enrolments, trainingPlans } from './tables.js';
