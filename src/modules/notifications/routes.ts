import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk } from '../../http/schemas.js';
import { requireSignature } from '../../http/signed.js';
import { type AppContext, isAdmin, outboxStatuses, perform, residentActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { receiveSms } from './actions/receive-sms.js';
import { retryMessage } from './actions/retry-message.js';
import { demoInbox } from './queries/demo-inbox.js';
import { listOutbox } from './queries/list-outbox.js';

const tags = ['notifications'];

const OutboxMessage = z
  .object({
    id: z.number(),
    channel: z.enum(['sms', 'console', 'webhook']),
    recipient: z.string(),
    /** Who it reaches, in words (a masked number, a unit's handlers): what the console shows. */
    recipientLabel: z.string(),
    template: z.string().nullable(),
    body: z.string(),
    demandId: z.number().nullable(),
    status: z.enum(outboxStatuses),
    attempts: z.number(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    /** Whether an admin may send it again (a failed message): the console offers 重发 by this. */
    canRetry: z.boolean(),
  })
  .openapi('OutboxMessage');

const InboundSms = z
  .object({
    messageId: z.string().trim().min(1).max(100),
    from: z
      .string()
      .trim()
      .regex(/^\+?\d{5,20}$/, { message: '发送方号码格式不对 / not a phone number' }),
    text: z.string().max(500),
  })
  .openapi('InboundSms');

export type NotificationRouteOptions = {
  /** The secret the SMS provider signs its reports with (TINGJIAN_SMS_SECRET); without it inbound texts are refused. */
  smsSecret?: string;
  /** A demo whose texts only go to the log: admins may read them (codes included) at /demo/sms. */
  demoSmsInbox?: boolean;
};

/** The outbox as admins see it (sent, failed, retry) and the provider's door for residents' replies. */
export function notificationRoutes(ctx: AppContext, opts: NotificationRouteOptions = {}) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/outbox',
      tags,
      summary: 'Admin: messages to residents and other systems, newest first (by creation time), with counts by status, a page at a time',
      security: bearerSecurity,
      request: {
        query: z.object({
          status: z.enum(outboxStatuses).optional(),
          channel: z.enum(['sms', 'console', 'webhook']).optional(),
          before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: jsonOk(
          z.object({
            items: z.array(OutboxMessage),
            counts: z.record(z.string(), z.number()),
            /** Pass as `before` for the next page; null after the last. */
            nextBefore: z.number().nullable(),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      if (!isAdmin(requireUser(c))) throw new AppError('auth.forbidden');
      return c.json(await listOutbox(ctx.db, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/outbox/{id}/retry',
      tags,
      summary: 'Admin: send a failed message again',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOk(z.object({ ok: z.literal(true) })), ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), retryMessage, { id: c.req.valid('param').id });
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/demo/sms',
      tags,
      summary: 'Admin, demo only (no real SMS provider): the texts residents would have received, codes visible',
      security: bearerSecurity,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: {
        200: jsonOk(
          z.object({
            items: z.array(
              z
                .object({ id: z.number(), phone: z.string(), body: z.string(), template: z.string().nullable(), createdAt: z.string() })
                .openapi('DemoSms'),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      // With a real provider this page does not exist: residents' codes are theirs alone.
      if (!opts.demoSmsInbox) throw new AppError('not_found');
      if (!isAdmin(requireUser(c))) throw new AppError('auth.forbidden');
      return c.json({ items: await demoInbox(ctx.db, c.req.valid('query').limit) }, 200);
    },
  );
  // The provider signs its report like we sign ours (X-Tingjian-Timestamp/Signature over the raw body).
  app.use('/sms/inbound', requireSignature(opts.smsSecret));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/sms/inbound',
      tags,
      summary:
        'SMS provider: a text a resident sent to the platform (TD opts out; 1/2 answers the callback survey; anything else is a demand)',
      request: jsonBody(InboundSms),
      responses: { 200: jsonOk(z.object({ outcome: z.string() })), ...errorResponses },
    }),
    async (c) => {
      const { messageId, from, text } = c.req.valid('json');
      return c.json(await perform(ctx, residentActor, receiveSms, { providerRef: messageId, from, text }), 200);
    },
  );
  return app;
}
