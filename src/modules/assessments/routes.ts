import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { download } from '../../http/download.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, RunProgress } from '../../http/schemas.js';
import { whileUploading } from '../../http/upload-run.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { readProgress } from '../../lib/run-progress.js';
import { readTable } from '../../lib/spreadsheet.js';
import { localDay } from '../calendar/index.js';
import { addSubjects } from './actions/add-subjects.js';
import { assignSubjects } from './actions/assign-subjects.js';
import { closeAssessment, openAssessment, publishAssessment } from './actions/change-state.js';
import { decideConsultation, requestConsultation } from './actions/consultations.js';
import { createAssessment } from './actions/create-assessment.js';
import { createRubric } from './actions/create-rubric.js';
import { drawAssessmentSample } from './actions/draw-sample.js';
import { importDemandPopulation } from './actions/import-demands.js';
import { importPopulation } from './actions/import-population.js';
import { recordScores } from './actions/record-scores.js';
import { openRectifications, recheckRectification, submitRectification } from './actions/rectification.js';
import { setPanel } from './actions/set-panel.js';
import { submitReport } from './actions/submit-report.js';
import { annualEvaluation } from './queries/annual-evaluation.js';
import { assessmentSubjectsPage, assessmentView } from './queries/assessment-view.js';
import { assessmentWorkbook } from './queries/export-workbook.js';
import { listAssessments } from './queries/list-assessments.js';
import { listRubrics } from './queries/list-rubrics.js';
import { panelCandidates } from './queries/panel-candidates.js';
import { publicAssessmentResults, publishedAssessments } from './queries/public-results.js';
import { listRectifications } from './queries/rectifications.js';
import { assessmentResults } from './queries/results.js';
import * as S from './schema.js';
import { loadAssessment, mayTakeStep } from './store.js';

const tags = ['assessments'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 考评: audits, reviews, inspections and competitions on one rubric engine. Each handler performs one action or one query. */
export function assessmentRoutes(ctx: AppContext) {
  const app = newRouter();
  const sec = { tags, security: bearerSecurity };
  const today = () => localDay(ctx.now());
  const view = async (assessmentId: number, c: Parameters<typeof requireUser>[0]) => {
    const actor = requireUser(c);
    return assessmentView(ctx.db, actor, await loadAssessment(ctx.db, actor, assessmentId));
  };

  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessment-rubrics',
      summary: 'A rubric version (saving an existing name makes its next version)',
      request: jsonBody(S.RubricBody),
      responses: { 201: jsonOk(S.RubricView), ...errorResponses },
    }),
    async (c) => {
      const r = await perform(ctx, requireUser(c), createRubric, c.req.valid('json'));
      return c.json({ ...r, createdAt: r.createdAt.toISOString() }, 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessment-rubrics',
      summary: 'Rubrics to start a round on (organisers): each name’s versions, newest first',
      responses: { 200: jsonOk(S.RubricList), ...errorResponses },
    }),
    async (c) => c.json({ items: await listRubrics(ctx.db, requireUser(c)) }, 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessments/{id}/panel-candidates',
      summary: 'Staff the organiser may seat on the panel, with the units each handles for (never assessed by them)',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.PanelCandidates), ...errorResponses },
    }),
    async (c) => c.json({ items: await panelCandidates(ctx.db, requireUser(c), c.req.valid('param').id) }, 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments',
      summary: 'Create a round of assessment (draft)',
      request: jsonBody(S.CreateAssessmentBody),
      responses: { 201: jsonOk(S.AssessmentView), ...errorResponses },
    }),
    async (c) => {
      const row = await perform(ctx, requireUser(c), createAssessment, c.req.valid('json'));
      return c.json(await view(row.id, c), 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessments',
      summary: 'Rounds the caller organises, sits on, or whose subject is their unit',
      responses: { 200: jsonOk(z.object({ items: z.array(S.AssessmentSummary) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await listAssessments(ctx.db, requireUser(c)) }, 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessments/{id}',
      summary: 'One round, with the steps the caller may take now',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.AssessmentView), ...errorResponses },
    }),
    async (c) => c.json(await view(c.req.valid('param').id, c), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/subjects',
      summary: 'Add subjects: records to the population, or units, people and pairs',
      request: { params: IdParam, ...jsonBody(S.SubjectsBody) },
      responses: { 201: jsonOk(z.object({ added: z.number(), counts: z.record(z.string(), z.number()) })), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), addSubjects, { assessmentId: c.req.valid('param').id, ...c.req.valid('json') }), 201),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/population',
      summary:
        'Import a population of records from CSV or XLSX (all or nothing; dry run available): JSON, or the file itself with its column mapping in the query',
      request: {
        params: IdParam,
        query: S.PopulationFileQuery.partial(),
        body: {
          content: {
            'application/json': { schema: S.PopulationBody },
            'text/csv': { schema: z.string() },
            [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) },
          },
          required: false,
        },
      },
      responses: { 200: jsonOk(S.PopulationResult), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const assessmentId = c.req.valid('param').id;
      // Who may set the round up, before a byte of the file is read.
      await mayTakeStep(ctx.db, actor, assessmentId, 'setup');
      const type = c.req.header('content-type') ?? '';
      return whileUploading(c, `population:${assessmentId}:${actor.userId}`, async (progress) => {
        const read = (format: 'csv' | 'xlsx', data: string | Buffer) =>
          readTable(format, data, (p) => progress('reading', p.percent / 100, p.rows));
        if (type.startsWith('application/json')) {
          const { format, data, ...rest } = c.req.valid('json') as z.infer<typeof S.PopulationBody>;
          const rows = await read(format, format === 'xlsx' ? Buffer.from(data, 'base64') : data);
          return c.json(await perform(ctx, actor, importPopulation, { assessmentId, rows, ...rest }), 200);
        }
        // The console sends the file as it is (uploadFile); the mapping travels in the query.
        const q = S.PopulationFileQuery.safeParse(c.req.query());
        if (!q.success)
          throw new AppError('request.invalid', { zh: '请选择存放编号的列。', en: 'Name the column that holds the reference.' });
        const format = type.startsWith('text/csv') ? 'csv' : type.startsWith(xlsxType) ? 'xlsx' : null;
        if (!format)
          throw new AppError('request.unsupported_media', { zh: '请上传 CSV 或 XLSX 文件。', en: 'Send a CSV or an XLSX file.' });
        const bytes = Buffer.from(await c.req.arrayBuffer());
        if (!bytes.length) throw new AppError('request.invalid', { zh: '文件是空的。', en: 'The file is empty.' });
        const { dryRun, ...columns } = q.data;
        const rows = await read(format, bytes);
        progress('writing', 0, rows.length);
        return c.json(await perform(ctx, actor, importPopulation, { assessmentId, rows, columns, dryRun: dryRun === 'true' }), 200);
      });
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessments/{id}/population/progress',
      summary: 'How far the caller’s population upload has got, while it is still open (phase idle when none)',
      request: { params: IdParam },
      responses: { 200: jsonOk(RunProgress), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const assessmentId = c.req.valid('param').id;
      await mayTakeStep(ctx.db, actor, assessmentId, 'setup');
      return c.json(readProgress(`population:${assessmentId}:${actor.userId}`), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/population/demands',
      summary: '质检: the population is the closed demands of a period in the round’s region',
      request: { params: IdParam, ...jsonBody(S.DemandPopulationBody) },
      responses: { 200: jsonOk(z.object({ imported: z.number() })), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await perform(ctx, requireUser(c), importDemandPopulation, { assessmentId: c.req.valid('param').id, ...c.req.valid('json') }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/sample',
      summary: 'Draw a stratified random sample, reproducible from its seed',
      request: { params: IdParam, ...jsonBody(S.DrawBody) },
      responses: { 200: jsonOk(S.DrawResult), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await perform(ctx, requireUser(c), drawAssessmentSample, { assessmentId: c.req.valid('param').id, ...c.req.valid('json') }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/panel',
      summary: 'Set panel members (chair, assessors, experts) with the units they must not assess',
      request: { params: IdParam, ...jsonBody(S.PanelBody) },
      responses: { 200: jsonOk(S.PanelView), ...errorResponses },
    }),
    async (c) => {
      const rows = await perform(ctx, requireUser(c), setPanel, { assessmentId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json({ items: rows.map((r) => ({ userId: r.userId, role: r.role, unitIds: r.unitIds })) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/assign',
      summary: 'Assign each sampled subject to one assessor, excluding their own unit',
      request: { params: IdParam },
      responses: { 200: jsonOk(z.object({ load: z.record(z.string(), z.number()) })), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, requireUser(c), assignSubjects, { assessmentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/open',
      summary: 'Open the round for scoring',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.StateResult), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, requireUser(c), openAssessment, { assessmentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/close',
      summary: 'Close scoring (locks the scores)',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.StateResult), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, requireUser(c), closeAssessment, { assessmentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/publish',
      summary: 'Publish the results on the portal',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.StateResult), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, requireUser(c), publishAssessment, { assessmentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessments/{id}/subjects',
      summary: 'Subjects to work on, with the caller’s own entries (keyset paging by id)',
      request: { params: IdParam, query: S.SubjectsQuery },
      responses: { 200: jsonOk(S.SubjectsPage), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const q = c.req.valid('query');
      const a = await loadAssessment(ctx.db, actor, c.req.valid('param').id);
      return c.json(await assessmentSubjectsPage(ctx.db, actor, a, { after: q.after, limit: q.limit, mine: q.mine === 'true' }), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/scores',
      summary: 'Record the caller’s scores for one or more subjects (a resend replaces them)',
      request: { params: IdParam, ...jsonBody(S.ScoresBody) },
      responses: { 200: jsonOk(z.object({ recorded: z.number(), subjects: z.number() })), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), recordScores, { assessmentId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/consultations',
      summary: 'Refer a hard case to the expert panel',
      request: { params: IdParam, ...jsonBody(S.ConsultationBody) },
      responses: { 201: jsonOk(S.ConsultationView), ...errorResponses },
    }),
    async (c) => {
      const row = await perform(ctx, requireUser(c), requestConsultation, {
        assessmentId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return c.json(row, 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessment-consultations/{id}/decision',
      summary: 'The expert panel’s finding (final)',
      request: { params: IdParam, ...jsonBody(S.DecisionBody) },
      responses: { 200: jsonOk(S.ConsultationView), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await perform(ctx, requireUser(c), decideConsultation, { consultationId: c.req.valid('param').id, ...c.req.valid('json') }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/reports',
      summary: 'File a self-inspection or work report, an on-site comment, a finding or a suggestion',
      request: { params: IdParam, ...jsonBody(S.ReportBody) },
      responses: { 201: jsonOk(z.object({ id: z.number() })), ...errorResponses },
    }),
    async (c) => {
      const row = await perform(ctx, requireUser(c), submitReport, { assessmentId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json({ id: row.id }, 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessments/{id}/results',
      summary: 'Rates with Wilson intervals, panel scores and ranks, findings, rectification',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.ResultsView), ...errorResponses },
    }),
    async (c) => {
      const a = await loadAssessment(ctx.db, requireUser(c), c.req.valid('param').id);
      return c.json(await assessmentResults(ctx.db, a, today()), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessments/{id}/export.xlsx',
      summary: 'The results workbook (summary, subjects with outcomes, ranking)',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'XLSX',
          content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const a = await loadAssessment(ctx.db, requireUser(c), c.req.valid('param').id);
      if (!a.parts.has('organiser') && !a.parts.has('chair')) return c.json({ error: { code: 'auth.forbidden' } }, 403) as never;
      const file = await assessmentWorkbook(ctx.db, a, today());
      return download(c, `assessment-${a.id}.xlsx`, file);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/assessments/{id}/rectifications',
      summary: 'Open a rectification task for each failed item (or the listed ones)',
      request: { params: IdParam, ...jsonBody(S.RectifyBody) },
      responses: { 201: jsonOk(z.object({ created: z.number(), dueOn: z.string() })), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await perform(ctx, requireUser(c), openRectifications, { assessmentId: c.req.valid('param').id, ...c.req.valid('json') }),
        201,
      ),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/rectification-tasks',
      summary: 'Rectification tasks the caller organises or owes, overdue marked',
      request: { query: S.RectificationQuery },
      responses: { 200: jsonOk(z.object({ items: z.array(S.RectificationView) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await listRectifications(ctx.db, requireUser(c), c.req.valid('query'), today()) }, 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/rectification-tasks/{id}/evidence',
      summary: 'The answerable unit reports what it did',
      request: { params: IdParam, ...jsonBody(S.EvidenceBody) },
      responses: { 200: jsonOk(S.StateResult), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), submitRectification, { taskId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/rectification-tasks/{id}/recheck',
      summary: 'Re-check: accept (closes) or return with a reason',
      request: { params: IdParam, ...jsonBody(S.RecheckBody) },
      responses: { 200: jsonOk(S.StateResult), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), recheckRectification, { taskId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/assessment-evaluations',
      summary: 'Annual evaluation of a series of rounds (quarterly samples pooled)',
      request: { query: S.EvaluationQuery },
      responses: { 200: jsonOk(S.EvaluationView), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await annualEvaluation(ctx.db, requireUser(c), q.series, q.year), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/assessments',
      tags: ['public'],
      summary: 'Published assessment results',
      responses: { 200: jsonOk(S.PublishedList) },
    }),
    async (c) => c.json({ items: await publishedAssessments(ctx.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/assessments/{id}',
      tags: ['public'],
      summary: 'A published round’s results, without records or personal data',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.PublicResultsView), ...errorResponses },
    }),
    async (c) => c.json(await publicAssessmentResults(ctx.db, c.req.valid('param').id, today()), 200),
  );
  return app;
}
