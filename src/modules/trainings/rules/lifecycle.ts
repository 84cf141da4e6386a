import type { EnrolmentState } from '../tables.js';

// What may be done to a training plan and to an enrolment in each state, as data: the actions refuse what a state
// does not allow, and the views offer exactly what it allows, from these two tables (as demands' lifecycle does).

export type PlanState = 'draft' | 'approved' | 'returned';
export type PlanAction = 'review' | 'add_course';

/** Once approved (审议通过) a plan's courses are fixed and it is not reviewed again; a returned plan is mended. */
export const planActionsIn: Record<PlanState, readonly PlanAction[]> = {
  draft: ['review', 'add_course'],
  returned: ['review', 'add_course'],
  approved: [],
};

export type EnrolmentAction = 'cancel' | 'attend';

/** A cancelled enrolment is done with; only someone holding a place is on the roll; the wait-list may step back. */
export const enrolmentActionsIn: Record<EnrolmentState, readonly EnrolmentAction[]> = {
  enrolled: ['cancel', 'attend'],
  waitlisted: ['cancel'],
  cancelled: [],
};

export const planAllows = (state: PlanState, action: PlanAction) => planActionsIn[state].includes(action);
export const enrolmentAllows = (state: EnrolmentState, action: EnrolmentAction) => enrolmentActionsIn[state].includes(action);

/** The enrolment states in which `action` may be taken, for a query that picks such enrolments. */
export const enrolmentStatesAllowing = (action: EnrolmentAction) =>
  (Object.keys(enrolmentActionsIn) as EnrolmentState[]).filter((s) => enrolmentAllows(s, action));
