import { sql } from 'drizzle-orm';
import { queryRows } from '../db/rows.js';
import { type Actor, type AppContext, perform } from '../kernel/index.js';
import { appointCandidates, createProgramme, logWork, nominate, pairSupport, reviewCandidate } from '../modules/appointments/index.js';
import {
  addSubjects,
  assignSubjects,
  closeAssessment,
  createAssessment,
  createRubric,
  drawAssessmentSample,
  importDemandPopulation,
  openAssessment,
  publishAssessment,
  recordScores,
  setPanel,
} from '../modules/assessments/index.js';
import { addDays, localDay } from '../modules/calendar/index.js';
import { createCourse, createPlan, enrol, recordAttendance, reviewPlan } from '../modules/trainings/index.js';

type Clock = { at: (day: string) => AppContext };

/**
 * The demo's accountability pages with content: 产业村长 appointed on 27 March across the villages,
 * grid workers in 昌元街道, a night school and the agriculture commission's refresher course, a
 * published review of community secretaries and last month's reply-quality check.
 */
export async function loadProgrammes(
  ctx: AppContext,
  clock: Clock,
  users: { operator: Actor; supervisor: Actor },
  ids: { district: number; townIds: number[] },
) {
  const db = ctx.db;
  const { operator: op, supervisor } = users;
  const regionsOf = (level: string, nameLike: string) =>
    queryRows<{ id: number; name: string; path: string }>(
      db,
      sql`select id, name, path from regions where level = ${level} and name like ${nameLike} order by path`,
    );

  // 产业村长: the villages of the district, about half appointed on 27 March; one paired and at work.
  const villages = await regionsOf('community', '%村');
  const chiefs = await perform(clock.at('2026-03-01'), op, createProgramme, {
    name: '产业村长',
    regionId: ids.district,
    postKind: 'village',
    rules:
      '目标：推动乡村产业振兴；范围：全区行政村；职责：产业规划、项目引进、技术培训、市场对接、集体经济发展；考核：年度考评，结果与聘期挂钩。',
    duties: ['产业规划', '项目引进', '技术培训', '市场对接', '集体经济发展'],
    targets: [
      { by: '2026-06-30', share: 0.5 },
      { by: '2026-12-31', share: 1 },
    ],
    termMonths: 36,
  });
  const backgrounds = ['农技专家', '农业企业家', '致富带头人', '返乡创业青年'];
  const picked = villages.filter((_, i) => i % 2 === 0);
  const nominated = await perform(clock.at('2026-03-10'), op, nominate, {
    programmeId: chiefs.id,
    candidates: picked.map((v, i) => ({
      postRegionId: v.id,
      name: `${'王李张刘陈杨赵黄周吴'[i % 10]}${'建国春华志强秀英德明'[(i * 3) % 10]}`,
      background: backgrounds[i % 4],
      nominatedBy: i % 3 ? ('township' as const) : ('self' as const),
    })),
  });
  for (const c of nominated) await perform(clock.at('2026-03-20'), op, reviewCandidate, { appointeeId: c.id, approved: true });
  await perform(clock.at('2026-03-27'), op, appointCandidates, {
    programmeId: chiefs.id,
    appointeeIds: nominated.map((c) => c.id),
    on: '2026-03-27',
    letterPrefix: '荣产聘〔2026〕',
  });
  await perform(clock.at('2026-04-02'), op, pairSupport, { appointeeId: nominated[0].id, supportName: '镇党委副书记' });
  await perform(clock.at('2026-05-12'), op, logWork, {
    appointeeId: nominated[0].id,
    kind: 'project',
    happenedOn: '2026-05-12',
    summary: '引进稻渔综合种养项目，签约 120 亩',
    duty: '项目引进',
  });
  await perform(clock.at('2026-06-20'), op, logWork, {
    appointeeId: nominated[0].id,
    kind: 'training',
    happenedOn: '2026-06-20',
    summary: '为村民讲授柑橘病虫害绿色防控',
    duty: '技术培训',
  });

  // 网格员: the grids of 昌元街道, most covered.
  const grids = await regionsOf('grid', '%网格');
  const gridProgramme = await perform(clock.at('2026-02-01'), op, createProgramme, {
    name: '专职网格员',
    regionId: ids.townIds[0],
    postKind: 'grid',
    rules: '每个网格配备一名专职网格员，负责信息采集、矛盾调解和诉求代办。',
    duties: ['信息采集', '矛盾调解', '诉求代办'],
    targets: [{ by: '2026-12-31', share: 1 }],
    termMonths: 12,
  });
  const gridCandidates = await perform(clock.at('2026-02-10'), op, nominate, {
    programmeId: gridProgramme.id,
    candidates: grids
      .slice(0, Math.max(1, grids.length - 2))
      .map((g, i) => ({ postRegionId: g.id, name: `网格员${i + 1}`, background: '社区专职工作者', nominatedBy: 'township' as const })),
  });
  for (const c of gridCandidates) await perform(clock.at('2026-02-15'), op, reviewCandidate, { appointeeId: c.id, approved: true });
  await perform(clock.at('2026-03-01'), op, appointCandidates, {
    programmeId: gridProgramme.id,
    appointeeIds: gridCandidates.map((c) => c.id),
    on: '2026-03-01',
    letterPrefix: '昌元网格〔2026〕',
  });

  // 课程培训: an approved plan, a night school with learners, and the refresher course for all townships.
  const plan = await perform(clock.at('2026-01-15'), op, createPlan, {
    title: '2026 年度党群服务中心培训计划',
    year: 2026,
    organiser: '区委组织部',
    regionId: ids.district,
  });
  const evening = (week: number) => ({
    startsAt: new Date(Date.parse('2026-11-03T19:00:00+08:00') + week * 7 * 86_400_000),
    endsAt: new Date(Date.parse('2026-11-03T20:30:00+08:00') + week * 7 * 86_400_000),
  });
  const nightCourses = [];
  for (const [title, capacity] of [
    ['手机摄影与后期', 12],
    ['国画入门', 10],
    ['非遗夏布扎染', 8],
  ] as const) {
    nightCourses.push(
      await perform(clock.at('2026-01-20'), op, createCourse, {
        planId: plan.id,
        title,
        organiser: '团区委 · 党群服务中心',
        venue: '党群服务中心 青年夜校美育教室',
        regionId: ids.townIds[0],
        track: '青年夜校',
        audience: 'open',
        capacity,
        description: '面向青年的晚间美育课程，免费参加。',
        sessions: [0, 1, 2, 3, 4, 5].map((w) => ({ topic: `${title} 第 ${w + 1} 课`, place: '美育教室', ...evening(w) })),
      }),
    );
  }
  const refresher = await perform(clock.at('2026-01-25'), op, createCourse, {
    planId: plan.id,
    title: '基层农技人员知识更新培训',
    organiser: '区农业农村委',
    venue: '区农业技术推广中心',
    regionId: ids.district,
    track: '农技',
    audience: 'invited',
    capacity: ids.townIds.length * 2,
    sessions: [
      {
        topic: '稻渔综合种养新技术',
        place: '区农技中心',
        kind: 'lecture' as const,
        startsAt: new Date('2026-06-09T09:00:00+08:00'),
        endsAt: new Date('2026-06-09T17:00:00+08:00'),
      },
      {
        topic: '现场观摩：永川区',
        place: '永川区',
        kind: 'field_visit' as const,
        startsAt: new Date('2026-06-10T08:00:00+08:00'),
        endsAt: new Date('2026-06-10T18:00:00+08:00'),
      },
    ],
    quotas: ids.townIds.map((regionId) => ({ regionId, seats: 2 })),
  });
  await perform(clock.at('2026-02-01'), supervisor, reviewPlan, { planId: plan.id, approved: true, note: '同意' });
  let learner = 0;
  for (const course of nightCourses) {
    for (let i = 0; i < course.capacity - 2; i++) {
      learner++;
      await perform(clock.at('2026-10-20'), op, enrol, {
        courseId: course.id,
        name: `学员${learner}`,
        phone: `139${String(learner).padStart(8, '0')}`,
        regionId: ids.townIds[0],
      });
    }
  }
  const technicians = [];
  for (const [n, regionId] of ids.townIds.entries()) {
    for (let k = 0; k < 2; k++) {
      const r = await perform(clock.at('2026-05-20'), op, enrol, {
        courseId: refresher.id,
        name: `农技员${n + 1}-${k + 1}`,
        phone: `137${String(n * 10 + k).padStart(8, '0')}`,
        regionId,
        affiliation: '镇街产业发展中心',
      });
      if (n % 9 !== 4) technicians.push(r.enrolment.id);
    }
  }
  const sessions = await queryRows<{ id: number }>(
    db,
    sql`select id from course_sessions where course_id = ${refresher.id} order by starts_at`,
  );
  for (const s of sessions) await perform(clock.at('2026-06-10'), op, recordAttendance, { sessionId: s.id, enrolmentIds: technicians });

  // 述职评议: six community secretaries, published; and last month's reply-quality check.
  const reviewRubric = await perform(clock.at('2026-01-05'), op, createRubric, {
    name: '社区书记抓基层党建述职评议',
    aspects: [
      { key: 'lead', name: '政治统领', items: [{ key: 'political', name: '政治统领', kind: 'scale', max: 25 }] },
      { key: 'build', name: '组织建设', items: [{ key: 'organisation', name: '组织建设', kind: 'scale', max: 25 }] },
      { key: 'serve', name: '服务群众', items: [{ key: 'service', name: '接诉即办与服务群众', kind: 'scale', max: 25 }] },
      { key: 'strict', name: '从严治党', items: [{ key: 'discipline', name: '从严治党', kind: 'scale', max: 25 }] },
    ],
  });
  const review = await perform(clock.at('2026-01-06'), op, createAssessment, {
    kind: 'review',
    title: '2025 年度社区党组织书记述职评议',
    regionId: ids.district,
    rubricId: reviewRubric.id,
    startsOn: '2026-01-10',
    endsOn: '2026-01-10',
    trim: false,
    tieBreak: ['service'],
    period: '2025 年度',
  });
  const secretaries = ['宝城社区', '玉屏社区', '灵方社区', '南门社区', '板桥社区', '迎宾社区'];
  await perform(clock.at('2026-01-06'), op, addSubjects, {
    assessmentId: review.id,
    subjects: secretaries.map((name, i) => ({
      kind: 'person' as const,
      ref: `S${i + 1}`,
      name: `${name}党委书记`,
      mode: i < 2 ? ('on_site' as const) : ('written' as const),
    })),
  });
  await perform(clock.at('2026-01-06'), op, setPanel, {
    assessmentId: review.id,
    members: [{ userId: (supervisor as { userId: number }).userId, role: 'chair' }],
  });
  await perform(clock.at('2026-01-10'), op, openAssessment, { assessmentId: review.id });
  const subjectIds = await queryRows<{ id: number }>(
    db,
    sql`select id from assessment_subjects where assessment_id = ${review.id} order by id`,
  );
  await perform(clock.at('2026-01-10'), supervisor, recordScores, {
    assessmentId: review.id,
    entries: subjectIds.map((s, i) => ({
      subjectId: s.id,
      items: [
        { itemKey: 'political', score: 22 - (i % 3) },
        { itemKey: 'organisation', score: 21 - (i % 2) },
        { itemKey: 'service', score: 23 - i },
        { itemKey: 'discipline', score: 22 },
      ],
    })),
  });
  await perform(clock.at('2026-01-10'), supervisor, closeAssessment, { assessmentId: review.id });
  await perform(clock.at('2026-01-12'), op, publishAssessment, { assessmentId: review.id });

  // Last weeks' replies, sampled and checked: dated from today, so the demo reads the same whenever it is installed.
  const ago = (days: number) => addDays(localDay(ctx.now()), -days);
  const qualityRubric = await perform(clock.at(ago(28)), op, createRubric, {
    name: '答复质量',
    aspects: [
      {
        key: 'reply',
        name: '答复',
        items: [
          { key: 'answered', name: '回应了诉求', kind: 'pass_fail' },
          { key: 'lawful', name: '说明了依据', kind: 'pass_fail' },
          { key: 'courteous', name: '用语文明', kind: 'pass_fail' },
        ],
      },
    ],
  });
  const check = await perform(clock.at(ago(28)), op, createAssessment, {
    kind: 'quality_check',
    title: '答复质量抽查',
    regionId: ids.district,
    rubricId: qualityRubric.id,
    startsOn: ago(28),
    endsOn: ago(0),
    assignment: 'balanced',
    period: ago(0).slice(0, 7),
  });
  try {
    await perform(clock.at(ago(4)), op, importDemandPopulation, { assessmentId: check.id, from: ago(60), to: ago(0) });
  } catch {
    return; // no demand closed yet (a tiny demo): the check stays a draft
  }
  const population = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from assessment_subjects where assessment_id = ${check.id}`,
  );
  await perform(clock.at(ago(4)), op, drawAssessmentSample, {
    assessmentId: check.id,
    size: Math.min(10, Number(population[0].n)),
    allocation: 'proportional',
    seed: '演示抽查',
  });
  await perform(clock.at(ago(4)), op, setPanel, {
    assessmentId: check.id,
    members: [{ userId: (supervisor as { userId: number }).userId, role: 'assessor' }],
  });
  await perform(clock.at(ago(4)), op, assignSubjects, { assessmentId: check.id });
  await perform(clock.at(ago(3)), op, openAssessment, { assessmentId: check.id });
  const sampled = await queryRows<{ id: number }>(
    db,
    sql`select id from assessment_subjects where assessment_id = ${check.id} and in_sample order by id`,
  );
  await perform(clock.at(ago(2)), supervisor, recordScores, {
    assessmentId: check.id,
    entries: sampled.map((s, i) => ({
      subjectId: s.id,
      items: [
        { itemKey: 'answered', passed: true },
        i === 1 ? { itemKey: 'lawful', passed: false, reason: '未说明处理依据和时限' } : { itemKey: 'lawful', passed: true },
        { itemKey: 'courteous', passed: true },
      ],
    })),
  });
  await perform(clock.at(ago(1)), supervisor, closeAssessment, { assessmentId: check.id });
}
