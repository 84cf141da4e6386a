import { type ActionContext, audit } from '../../../kernel/index.js';
import { type RegisterDemandOptions, type RegisterDemandResult, registerDemandFrom } from '../../demands/index.js';
import { loadCourse } from '../store.js';
import { courseDemands } from '../tables.js';

export type ActivityDemandOptions = Omit<RegisterDemandOptions, 'channel'> & { courseId: number; idempotencyKey: string };

/**
 * A demand a resident raises during a class or lecture: registered on the "activity" channel and
 * linked to the course in the same transaction, so the organiser sees what the activity brought
 * up and the demand runs the ordinary loop. A resend with the same key finds the first.
 */
export async function recordActivityDemand(a: ActionContext, opts: ActivityDemandOptions): Promise<RegisterDemandResult> {
  const course = await loadCourse(a.tx, a.actor, opts.courseId, { staff: true });
  const { courseId, ...demand } = opts;
  const result = await registerDemandFrom(a, 'activity', demand, (l, d) => l.tx.insert(courseDemands).values({ courseId, demandId: d.id }));
  if (!result.created) return result;
  await audit(a, {
    resource: 'course',
    resourceId: course.id,
    action: 'record_demand',
    regionPath: course.regionPath,
    data: { demandId: result.demand.id, number: result.demand.number },
  });
  return result;
}
