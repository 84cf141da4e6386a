import { createRoute, z } from '@hono/zod-openapi';
import type { LoginLimits, ResidentLimits } from '../../http/limiters.js';
import { codesPerMinute, rateLimit } from '../../http/rate-limit.js';
import { newRouter } from '../../http/router.js';
import { errorResponses, jsonBody, jsonOk, requiredText } from '../../http/schemas.js';
import { type AppContext, perform, residentActor } from '../../kernel/index.js';
import { sendUnlockCode, unlockWithCode } from './actions/unlock-by-phone.js';

const tags = ['accounts'];

/** 短信解锁: a staff member locked out by wrong passwords lifts the lock with a code sent to their account's phone. */
export function unlockRoutes(ctx: AppContext, opts: { limits: LoginLimits; residents: ResidentLimits; limitPerMinute: () => number }) {
  const app = newRouter();
  // Each unlock code is an SMS: five a minute from one address, and five an hour to one account (below).
  app.use('/auth/unlock-code', rateLimit(codesPerMinute(opts.limitPerMinute), { name: 'unlock_codes', client: opts.residents.client }));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/unlock-code',
      tags,
      summary: '短信解锁: send a code to the phone on a locked account (the same answer whether or not the account exists)',
      request: jsonBody(z.object({ username: requiredText(100) }).strict()),
      responses: { 202: jsonOk(z.object({ sent: z.literal(true) })), ...errorResponses },
    }),
    async (c) => {
      const { username } = c.req.valid('json');
      await opts.residents.sendCode(`unlock:${username.trim().toLowerCase()}`);
      await perform(ctx, residentActor, sendUnlockCode, { username });
      return c.json({ sent: true as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/unlock',
      tags,
      summary: '短信解锁: the code sent to the account’s phone lifts its sign-in lock',
      request: jsonBody(z.object({ username: requiredText(100), code: z.string().trim().min(4).max(10) }).strict()),
      responses: { 204: { description: 'Unlocked' }, ...errorResponses },
    }),
    async (c) => {
      const user = await perform(ctx, residentActor, unlockWithCode, c.req.valid('json'));
      await opts.limits.unlock(user.username);
      return c.body(null, 204);
    },
  );

  return app;
}
