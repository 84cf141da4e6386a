import { createRoute, z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { ActorCache } from '../../http/actor-cache.js';
import { clientAddress, overHttps, requireUser, sessionCookie } from '../../http/caller.js';
import type { LoginLimits } from '../../http/limiters.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText, text } from '../../http/schemas.js';
import { type AppContext, isAdmin, perform } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { createUser } from './actions/create-user.js';
import { endSession } from './actions/end-session.js';
import { issueApiToken } from './actions/issue-api-token.js';
import { changePassword, resetPassword, revokeApiToken, setUserDisabled, unlockUser } from './actions/manage-users.js';
import { startSession } from './actions/start-session.js';
import { checkCredentials } from './credentials.js';
import { listTokens } from './store.js';
import { roles, userRoles, users } from './tables.js';

const tags = ['accounts'];
const Me = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    grants: z.array(z.object({ role: z.enum(roles), regionPath: z.string().nullable(), unitId: z.number().nullable() })),
    csrfToken: z.string().nullable(),
    mustChangePassword: z.boolean(),
  })
  .openapi('Me');
const TokenView = z
  .object({ id: z.number(), name: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .openapi('ApiToken');

export function accountRoutes(ctx: AppContext, opts: { secureCookies: boolean | 'auto'; actors: ActorCache; limits: LoginLimits }) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags,
      summary: 'Sign in; sets an HTTP-only session cookie and returns the CSRF token to echo in X-CSRF-Token',
      request: jsonBody(z.object({ username: requiredText(100), password: z.string().min(1).max(200) }).strict()),
      responses: { 200: jsonOk(Me), ...errorResponses },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const address = clientAddress(c);
      await opts.limits.admit(address, username);
      const actor = await checkCredentials(ctx.db, username, password);
      if (!actor) {
        await opts.limits.failed(address);
        throw new AppError('auth.invalid_credentials');
      }
      await opts.limits.succeeded(address, username);
      const session = await perform(ctx, actor, startSession, {});
      setCookie(c, sessionCookie, session.sessionId, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: opts.secureCookies === 'auto' ? overHttps(c) : opts.secureCookies,
        path: '/',
        // Relative, not a date: a browser whose clock differs from the server's keeps the session as long.
        maxAge: Math.max(1, Math.round((session.expiresAt.getTime() - Date.now()) / 1000)),
      });
      return c.json(
        {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          grants: actor.grants,
          csrfToken: session.csrfToken,
          mustChangePassword: actor.mustChangePassword ?? false,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags,
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' }, ...errorResponses },
    }),
    async (c) => {
      const session = c.get('session');
      const actor = c.get('actor');
      if (session && actor) {
        await perform(ctx, actor, endSession, { sessionId: session.sessionId });
        opts.actors.delete(`s:${session.sessionId}`);
      }
      deleteCookie(c, sessionCookie, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags,
      summary: 'The signed-in user and their roles',
      security: bearerSecurity,
      responses: { 200: jsonOk(Me), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json(
        {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          grants: actor.grants,
          csrfToken: c.get('session')?.csrfToken ?? null,
          mustChangePassword: actor.mustChangePassword ?? false,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/tokens',
      tags,
      summary: 'Create a bearer token for an integration, acting as the signed-in user (shown once)',
      security: bearerSecurity,
      request: jsonBody(z.object({ name: requiredText(100), expiresInDays: z.number().int().min(1).max(3650).optional() }).strict()),
      responses: {
        201: jsonOk(z.object({ id: z.number(), token: z.string(), expiresAt: z.string().nullable() }), 'Created'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const issued = await perform(ctx, requireUser(c), issueApiToken, c.req.valid('json'));
      return c.json({ id: issued.id, token: issued.token, expiresAt: issued.expiresAt?.toISOString() ?? null }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/tokens',
      tags,
      summary: 'The signed-in user’s tokens (never their values), with expiry and revocation',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(TokenView) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await listTokens(ctx.db, requireUser(c).userId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/tokens/{id}/revoke',
      tags,
      summary: 'Revoke a token (its owner, or an admin); it stops working at once',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), revokeApiToken, { tokenId: c.req.valid('param').id });
      opts.actors.clear();
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags,
      summary: 'Change one’s own password (required after an admin’s reset); other sessions end',
      security: bearerSecurity,
      request: jsonBody(z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(8).max(200) }).strict()),
      responses: { 204: { description: 'Changed' }, ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      await perform(ctx, requireUser(c), changePassword, { ...b, sessionId: c.get('session')?.sessionId ?? null });
      opts.actors.clear();
      return c.body(null, 204);
    },
  );

  const RoleInput = z.object({
    role: z.enum(roles),
    regionId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
    unitId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  });
  const UserView = z
    .object({
      id: z.number(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(z.object({ role: z.enum(roles), regionId: z.number().nullable(), unitId: z.number().nullable() })),
      disabled: z.boolean(),
      mustChangePassword: z.boolean(),
      lastLoginAt: z.string().nullable(),
    })
    .openapi('UserAccount');

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags,
      summary: 'Admin: create a staff account with roles',
      security: bearerSecurity,
      request: jsonBody(
        z
          .object({
            username: z
              .string()
              .regex(/^[a-zA-Z0-9_.-]{3,50}$/, { message: '用户名为 3–50 位字母、数字或 _.- / 3–50 letters, digits or _.-' }),
            displayName: requiredText(50),
            password: z.string().min(8).max(200),
            phone: text(20).optional(),
            roles: z.array(RoleInput).max(20),
          })
          .strict(),
      ),
      responses: { 201: jsonOk(z.object({ id: z.number() }), 'Created'), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json(await perform(ctx, actor, createUser, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags,
      summary: 'Admin: list staff accounts',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(UserView) })), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      if (!isAdmin(actor)) throw new AppError('auth.forbidden');
      const list = await ctx.db.select().from(users).orderBy(asc(users.id));
      const grants = await ctx.db.select().from(userRoles);
      return c.json(
        {
          items: list.map((u) => ({
            id: u.id,
            username: u.username,
            displayName: u.displayName,
            roles: grants.filter((g) => g.userId === u.id).map((g) => ({ role: g.role, regionId: g.regionId, unitId: g.unitId })),
            disabled: u.disabledAt !== null,
            mustChangePassword: u.mustChangePassword,
            lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
          })),
        },
        200,
      );
    },
  );

  const userAction = (path: string, summary: string) =>
    createRoute({
      method: 'post',
      path: `/users/{id}/${path}`,
      tags,
      summary,
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 204: { description: 'Done' }, ...errorResponses },
    });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/password',
      tags,
      summary: 'Admin: reset a password; the user must change it at the next sign-in',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(z.object({ password: z.string().min(8).max(200) }).strict()) },
      responses: { 204: { description: 'Reset' }, ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), resetPassword, { userId: c.req.valid('param').id, ...c.req.valid('json') });
      opts.actors.clear();
      return c.body(null, 204);
    },
  );
  app.openapi(userAction('disable', 'Admin: disable an account; its sessions and tokens stop at once'), async (c) => {
    await perform(ctx, requireUser(c), setUserDisabled, { userId: c.req.valid('param').id, disabled: true });
    opts.actors.clear();
    return c.body(null, 204);
  });
  app.openapi(userAction('enable', 'Admin: enable a disabled account again'), async (c) => {
    await perform(ctx, requireUser(c), setUserDisabled, { userId: c.req.valid('param').id, disabled: false });
    return c.body(null, 204);
  });
  app.openapi(userAction('unlock', 'Admin: lift the sign-in lock after repeated wrong passwords'), async (c) => {
    const user = await perform(ctx, requireUser(c), unlockUser, { userId: c.req.valid('param').id });
    await opts.limits.unlock(user.username);
    return c.body(null, 204);
  });

  return app;
}
