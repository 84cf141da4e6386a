import { createRoute, z } from '@hono/zod-openapi';
import { accepts } from 'hono/accepts';
import { requireUser } from '../../http/caller.js';
import { download } from '../../http/download.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk } from '../../http/schemas.js';
import type { AppContext, UserActor } from '../../kernel/index.js';
import { hasAnyRole, perform, replicaOf } from '../../kernel/index.js';
import { AppError, pickLocale } from '../../lib/errors.js';
import { localDay } from '../calendar/index.js';
import { acknowledgeDemand } from './actions/acknowledge-demand.js';
import { answerDemandDirectly } from './actions/answer-demand-directly.js';
import { acknowledgeAssist, contributeToDemand, endAssist } from './actions/assist-demand.js';
import { closeDemand } from './actions/close-demand.js';
import { decideExtension } from './actions/decide-extension.js';
import { declineDemand } from './actions/decline-demand.js';
import { dispatchDemand } from './actions/dispatch-demand.js';
import { mergeDemand } from './actions/merge-demand.js';
import { rateMerged } from './actions/rate-merged.js';
import { recordCallback } from './actions/record-callback.js';
import { recordCallbackAttempt } from './actions/record-callback-attempt.js';
import { registerDemand } from './actions/register-demand.js';
import { registerOnCall } from './actions/register-on-call.js';
import { reopenDemand } from './actions/reopen-demand.js';
import { replyDemand } from './actions/reply-demand.js';
import { requestExtension } from './actions/request-extension.js';
import { returnDemand } from './actions/return-demand.js';
import { remindDemand, superviseDemand } from './actions/supervise-demand.js';
import { decideTransfer, requestTransfer } from './actions/transfer-demand.js';
import { withdrawDemand } from './actions/withdraw-demand.js';
import { escalateOverdue } from './escalate-overdue.js';
import { checkExportSize, demandsCsv, demandsWorkbook, exportLimit } from './export-list.js';
import { expectedReplyBy } from './queries/expected-reply.js';
import { countForExport, demandsForExport } from './queries/export-demands.js';
import { getDemand } from './queries/get-demand.js';
import { listDemands } from './queries/list-demands.js';
import { presentDemand } from './queries/present.js';
import { previewDispatch } from './queries/preview-dispatch.js';
import {
  AnswerBody,
  BatchDispatchBody,
  BatchDispatchResult,
  CallbackAttemptBody,
  CallbackBody,
  ContributeBody,
  DemandDetail,
  DemandPage,
  DispatchBody,
  DispatchPreview,
  DispatchPreviewQuery,
  EndAssistBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  ListDemandsQuery,
  MergeBody,
  OptionalReasonBody,
  ReasonBody,
  RegisterDemandBody,
  RegisteredDemand,
  RemindBody,
  ReplyBody,
  SuperviseBody,
  TransferBody,
  TransferDecisionBody,
} from './schema.js';

const tags = ['demands'];

/** Staff endpoints of the demands module; each handler: authenticate → validate → one action → present. */
export function demandRoutes(ctx: AppContext) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/demands',
      tags,
      summary: '受理: register a demand taken by an operator (hotline, walk-in, letter, reception day, API)',
      security: bearerSecurity,
      request: jsonBody(RegisterDemandBody),
      responses: {
        201: jsonOk(RegisteredDemand, 'Registered'),
        200: jsonOk(RegisteredDemand, 'Already registered with this idempotency key'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      const { callId, ...body } = c.req.valid('json');
      const result = callId
        ? await perform(ctx, actor, registerOnCall, { ...body, callId })
        : await perform(ctx, actor, registerDemand, { ...body });
      // Answer from what the intake already holds: the hotline's busiest call costs no read-back.
      const view = result.labels
        ? presentDemand(actor, { demand: result.demand, ...result.labels, unitName: null }, ctx.now())
        : await getDemand(ctx.db, actor, result.demand.id, ctx.now());
      const replyBy = await expectedReplyBy(ctx, result.demand);
      return c.json({ ...view, queryCode: result.queryCode, expectedReplyBy: replyBy?.toISOString() ?? null }, result.created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/demands',
      tags,
      summary: 'List the demands the caller may see, filtered and paginated',
      security: bearerSecurity,
      request: { query: ListDemandsQuery },
      responses: {
        200: {
          description: 'A page of demands (json), or the whole filtered list as CSV or XLSX',
          content: {
            'application/json': { schema: DemandPage },
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      const filter = c.req.valid('query');
      if (filter.format === 'json') return c.json(await listDemands(ctx.db, actor, filter, ctx.now()), 200);
      // The whole filtered list, in the caller's scope, counted first (one past the limit tells an
      // over-long list apart, refused before a byte is sent), then streamed a page at a time.
      const now = ctx.now();
      checkExportSize(await countForExport(replicaOf(ctx), actor, filter, now, exportLimit));
      const pages = demandsForExport(replicaOf(ctx), actor, filter, now);
      const stamp = localDay(now);
      if (filter.format === 'csv') {
        // Gzipped as it is written, faster than the API's compression (which leaves an encoded answer alone).
        const gzip = accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' }) === 'gzip';
        if (gzip) c.header('Content-Encoding', 'gzip');
        c.header('Vary', 'Accept-Encoding');
        return download(c, `demands-${stamp}.csv`, demandsCsv(pages, gzip));
      }
      return download(c, `demands-${stamp}.xlsx`, demandsWorkbook(pages));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/demands/{id}',
      tags,
      summary: 'A demand with its event timeline, assignments, extensions, callbacks and attachments',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOk(DemandDetail), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json(await getDemand(ctx.db, actor, c.req.valid('param').id, ctx.now()), 200);
    },
  );

  // The state changes: POST /demands/{id}/<verb> with a small body, answering the updated demand.
  const action = <S extends z.ZodType>(
    verb: string,
    summary: string,
    body: S,
    run: (actor: UserActor, demandId: number, input: z.infer<S>) => Promise<unknown>,
  ) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/demands/{id}/${verb}`,
        tags,
        summary,
        security: bearerSecurity,
        request: { params: IdParam, ...jsonBody(body) },
        responses: { 200: jsonOk(DemandDetail), ...errorResponses },
      }),
      async (c) => {
        const actor = requireUser(c);
        // The generic body type defeats Hono's inference here; both were validated by the route.
        const demandId = (c.req.valid('param' as never) as { id: number }).id;
        await run(actor, demandId, c.req.valid('json' as never) as z.infer<S>);
        return c.json(await getDemand(ctx.db, actor, demandId, ctx.now()), 200);
      },
    );

  action(
    'dispatch',
    '派单: send to a unit (omit unitId: the township government of the place, 首接负责)',
    DispatchBody,
    (actor, demandId, b) => perform(ctx, actor, dispatchDemand, { demandId, ...b }),
  );
  action('acknowledge', '签收: the unit takes the demand on', z.object({}).strict(), (actor, demandId) =>
    perform(ctx, actor, acknowledgeDemand, { demandId }),
  );
  action('return', '退单: the unit sends it back to the dispatchers, with a reason', ReasonBody, (actor, demandId, b) =>
    perform(ctx, actor, returnDemand, { demandId, reason: b.reason }),
  );
  action('reply', '答复: the unit answers the resident', ReplyBody, (actor, demandId, b) =>
    perform(ctx, actor, replyDemand, { demandId, reply: b.reply }),
  );
  action('answer', '直接答复: an operator answers a consultation at once (knowledge base)', AnswerBody, (actor, demandId, b) =>
    perform(ctx, actor, answerDemandDirectly, { demandId, ...b }),
  );
  action('callback', '回访: record satisfaction and whether the problem was solved', CallbackBody, (actor, demandId, b) =>
    perform(ctx, actor, recordCallback, { demandId, ...b }),
  );
  action('close', '办结: close after the callback', OptionalReasonBody, (actor, demandId, b) =>
    perform(ctx, actor, closeDemand, { demandId, note: b.reason }),
  );
  action('reopen', '重办: reopen after an unsatisfied callback', ReasonBody, (actor, demandId, b) =>
    perform(ctx, actor, reopenDemand, { demandId, reason: b.reason }),
  );
  action('merge', '合并: merge a duplicate into another demand', MergeBody, (actor, demandId, b) =>
    perform(ctx, actor, mergeDemand, { demandId, ...b }),
  );
  action('decline', '不予受理: decline with a reason', ReasonBody, (actor, demandId, b) =>
    perform(ctx, actor, declineDemand, { demandId, reason: b.reason }),
  );
  action('withdraw', '撤回: withdraw on the resident\u2019s behalf', OptionalReasonBody, (actor, demandId, b) =>
    perform(ctx, actor, withdrawDemand, { demandId, reason: b.reason }),
  );
  action('extension-requests', '延期申请: ask for more working days', ExtensionRequestBody, (actor, demandId, b) =>
    perform(ctx, actor, requestExtension, { demandId, ...b }),
  );
  action('extension-decision', '延期审批: approve or deny the pending extension', ExtensionDecisionBody, (actor, demandId, b) =>
    perform(ctx, actor, decideExtension, { demandId, ...b }),
  );
  action('supervise', '督办: supervise at a level with a reason and deadline, or lift it', SuperviseBody, (actor, demandId, b) =>
    perform(ctx, actor, superviseDemand, { demandId, ...b, dueAt: b.dueAt ? new Date(b.dueAt) : null }),
  );
  action('remind', '催办: chase the unit of a supervised demand (counted)', RemindBody, (actor, demandId, b) =>
    perform(ctx, actor, remindDemand, { demandId, note: b.note }),
  );
  action('assist-acknowledge', '协办签收: an assisting unit confirms the request for help', z.object({}).strict(), (actor, demandId) =>
    perform(ctx, actor, acknowledgeAssist, { demandId }),
  );
  action('contribute', '协办意见: an assisting unit sends its part to the lead unit', ContributeBody, (actor, demandId, b) =>
    perform(ctx, actor, contributeToDemand, { demandId, contribution: b.contribution }),
  );
  action('end-assist', '解除协办: release an assisting unit that does not answer, with a reason', EndAssistBody, (actor, demandId, b) =>
    perform(ctx, actor, endAssist, { demandId, ...b }),
  );
  action('transfer', '转办: ask another unit to take the demand over (it must accept)', TransferBody, (actor, demandId, b) =>
    perform(ctx, actor, requestTransfer, { demandId, ...b }),
  );
  action(
    'transfer-decision',
    '转办接收: the receiving unit accepts, or declines with a reason',
    TransferDecisionBody,
    (actor, demandId, b) => perform(ctx, actor, decideTransfer, { demandId, ...b }),
  );
  action(
    'merged-callback',
    '回访 of a merged demand: its resident rates the answer of the demand handled for both',
    CallbackBody,
    (actor, demandId, b) => perform(ctx, actor, rateMerged, { demandId, ...b }),
  );
  action('callback-attempt', '回访未接通: record a call that did not reach the resident', CallbackAttemptBody, (actor, demandId, b) =>
    perform(ctx, actor, recordCallbackAttempt, { demandId, note: b.note }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/demands/{id}/dispatch-preview',
      tags,
      summary: 'The deadlines a dispatch with these terms would set (签收 and 答复 时限), before dispatching',
      security: bearerSecurity,
      request: { params: IdParam, query: DispatchPreviewQuery },
      responses: { 200: jsonOk(DispatchPreview), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json(await previewDispatch(ctx, actor, c.req.valid('param').id, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/demands/dispatch-batch',
      tags,
      summary: '批量派单: dispatch up to 100 demands; each is its own action and reports its own outcome',
      security: bearerSecurity,
      request: jsonBody(BatchDispatchBody),
      responses: { 200: jsonOk(BatchDispatchResult), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const results = [];
      for (const { demandId, ...terms } of c.req.valid('json').items) {
        try {
          const d = await perform(ctx, actor, dispatchDemand, { demandId, ...terms });
          results.push({ demandId, ok: true, number: d.number, error: null });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const message = err.messageFor(pickLocale(c.req.header('accept-language')));
          results.push({ demandId, ok: false, number: null, error: { code: err.code, message } });
        }
      }
      const dispatched = results.filter((r) => r.ok).length;
      return c.json({ results, dispatched, failed: results.length - dispatched }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/escalations/run',
      tags,
      summary: '自动升级督办: run the escalation rules now (they also run every five minutes)',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ escalated: z.number() })), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      if (!hasAnyRole(actor, ['admin', 'supervisor'])) throw new AppError('auth.forbidden');
      return c.json(await escalateOverdue(ctx), 200);
    },
  );

  return app;
}
