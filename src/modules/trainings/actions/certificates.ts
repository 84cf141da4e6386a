import { eq } from 'drizzle-orm';
import { type ActionContext, auditMany } from '../../../kernel/index.js';
import { courseReport } from '../queries/course-report.js';
import { loadCourse } from '../store.js';
import { enrolments } from '../tables.js';

/** 结业证书: a number for every learner who completed and has none yet; the console prints them. */
export async function issueCertificates(a: ActionContext, input: { courseId: number; prefix: string }) {
  const course = await loadCourse(a.tx, a.actor, input.courseId, { staff: true, lock: true });
  const report = await courseReport(a.tx, course);
  const issued = report.learners.filter((l) => l.certificateNo);
  const due = report.learners.filter((l) => l.completed && !l.certificateNo);
  if (due.length === 0) {
    a.unchanged();
    return { issued: 0 };
  }
  for (const [i, l] of due.entries()) {
    await a.tx
      .update(enrolments)
      .set({ certificateNo: `${input.prefix}${String(issued.length + i + 1).padStart(3, '0')}` })
      .where(eq(enrolments.id, l.id));
  }
  await auditMany(
    a,
    due.map((l) => ({
      resource: 'enrolment',
      resourceId: l.id,
      action: 'certify',
      regionPath: course.regionPath,
      data: { courseId: course.id },
    })),
  );
  return { issued: due.length };
}
