import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { requireUser } from '../../http/caller.js';
import type { HttpEnv } from '../../http/env.js';
import { newRouter } from '../../http/router.js';
import { errorResponses, jsonBody, jsonOk } from '../../http/schemas.js';
import { requireSignature } from '../../http/signed.js';
import { type AppContext, hasRole, isAdmin, perform, systemActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { recordCall } from './actions/record-call.js';
import { listen } from './ringing.js';

const tags = ['telephony'];

const IncomingCall = z
  .object({
    callId: z.string().trim().min(1).max(100),
    from: z
      .string()
      .trim()
      .regex(/^\+?[\d\s-]{5,20}$/, { message: '来电号码格式不对 / not a phone number' }),
    line: z.string().trim().max(50).default(''),
  })
  .strict()
  .openapi('IncomingCall');

export type TelephonyRouteOptions = {
  /** The secret the PBX/CTI server signs its reports with (TINGJIAN_PBX_SECRET); without it calls are refused. */
  pbxSecret?: string;
};

/** The PBX's door for incoming calls, and the stream that rings them on operators' consoles. */
export function telephonyRoutes(ctx: AppContext, opts: TelephonyRouteOptions = {}) {
  const app = newRouter();
  // Signed like the SMS provider's reports (X-Tingjian-Timestamp/Signature over the raw body).
  app.use('/telephony/calls', requireSignature(opts.pbxSecret));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/telephony/calls',
      tags,
      summary: 'PBX/CTI server: a call is coming in (number, line, call id); it rings on the operators’ consoles',
      request: jsonBody(IncomingCall),
      responses: { 200: jsonOk(z.object({ id: z.number(), created: z.boolean() })), ...errorResponses },
    }),
    async (c) => {
      const { callId, from, line } = c.req.valid('json');
      return c.json(await perform(ctx, systemActor, recordCall, { callId, from, line }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/telephony/events',
      tags,
      summary: 'Operators: server-sent events, one `call` event per incoming call (callId, phone, line, at)',
      responses: {
        200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    // The stream is not JSON: its answer type is the stream's, not the schema's.
    ((c: Context<HttpEnv>) => {
      const actor = requireUser(c);
      if (!isAdmin(actor) && !hasRole(actor, 'operator')) throw new AppError('auth.forbidden');
      return streamSSE(c, async (stream) => {
        let n = 0;
        const stop = listen(ctx.db, (call) => {
          void stream.writeSSE({ event: 'call', id: String(++n), data: JSON.stringify(call) });
        });
        // A comment now and then keeps proxies from closing a quiet line.
        const ping = setInterval(() => void stream.write(': ping\n\n'), 25_000);
        await new Promise<void>((resolve) => stream.onAbort(resolve));
        clearInterval(ping);
        stop();
      });
    }) as never,
  );
  return app;
}
