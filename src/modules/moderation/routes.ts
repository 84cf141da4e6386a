import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, jsonBody, jsonOk, requiredText } from '../../http/schemas.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { hideItem, redactItem, restoreItem } from './actions/moderate.js';
import { authorView } from './author-receipt.js';
import { moderationQueue, moderationStatus, publishedItems } from './queries.js';
import { moderatedKinds } from './tables.js';

const tags = ['moderation'];
const Item = z.object({ kind: z.enum(moderatedKinds), id: z.coerce.number().int().positive().max(2_147_483_647) });
const Entry = z
  .object({
    kind: z.enum(moderatedKinds),
    id: z.number(),
    state: z.enum(['held', 'hidden', 'redacted']),
    reason: z.string(),
    original: z.string(),
    shown: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ModerationEntry');

const Published = z
  .object({
    kind: z.enum(moderatedKinds),
    id: z.number(),
    text: z.string(),
    /** Where it is published: the notice, the community, the demand's number. */
    context: z.string(),
    at: z.string(),
  })
  .openapi('PublishedEntry');

const write = (verb: string, summary: string, body?: z.ZodType) =>
  createRoute({
    method: 'post',
    path: `/moderation/{kind}/{id}/${verb}`,
    tags,
    summary,
    security: bearerSecurity,
    request: { params: Item, ...(body ? jsonBody(body) : {}) },
    responses: { 204: { description: 'Done' }, ...errorResponses },
  });

/** Moderation of what is published (council-notice comments, proposals, demands' public text, replies), by the region's organisers. */
export function moderationRoutes(ctx: AppContext) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/moderation/queue',
      tags,
      summary: 'Held (sensitive words), hidden and redacted items in the caller’s region, held first',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(Entry) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await moderationQueue(ctx.db, requireUser(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/moderation/published',
      tags,
      summary: 'The newest published comments, proposals, demands and replies in the caller’s region that no moderator has decided on',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(Published) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await publishedItems(ctx.db, requireUser(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/moderation/{kind}/{id}',
      tags,
      summary: 'One item as its moderator sees it: the text as written and what was decided (404 to anyone else)',
      security: bearerSecurity,
      request: { params: Item },
      responses: {
        200: jsonOk(
          z
            .object({
              kind: z.enum(moderatedKinds),
              id: z.number(),
              text: z.string(),
              state: z.enum(['published', 'held', 'hidden', 'redacted']),
              reason: z.string().nullable(),
              shown: z.string().nullable(),
            })
            .openapi('ModerationStatus'),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const status = await moderationStatus(ctx.db, requireUser(c), p.kind, p.id);
      if (!status) throw new AppError('not_found');
      return c.json(status, 200);
    },
  );
  app.openapi(write('hide', 'Hide an item, with a reason the public sees', z.object({ reason: requiredText(200) }).strict()), async (c) => {
    const body = c.req.valid('json' as never) as { reason: string };
    await perform(ctx, requireUser(c), hideItem, { ...c.req.valid('param'), reason: body.reason });
    return c.body(null, 204);
  });
  app.openapi(
    write(
      'redact',
      'Remove a passage; the rest stays published',
      z.object({ passage: requiredText(2000), reason: requiredText(200) }).strict(),
    ),
    async (c) => {
      const body = c.req.valid('json' as never) as { passage: string; reason: string };
      await perform(ctx, requireUser(c), redactItem, { ...c.req.valid('param'), ...body });
      return c.body(null, 204);
    },
  );
  app.openapi(write('restore', 'Publish the item as written again (approve a held one, restore a hidden one)'), async (c) => {
    await perform(ctx, requireUser(c), restoreItem, c.req.valid('param'));
    return c.body(null, 204);
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/moderation/status',
      tags: ['public'],
      summary:
        'The author of a comment or proposal learns, with the token from submission, whether it is held, hidden or redacted, and why',
      request: jsonBody(
        z.object({ kind: z.enum(moderatedKinds), id: z.number().int().positive().max(2_147_483_647), token: requiredText(100) }).strict(),
      ),
      responses: {
        200: jsonOk(
          z
            .object({
              state: z.enum(['published', 'held', 'hidden', 'redacted']),
              reason: z.string().nullable(),
              shown: z.string().nullable(),
            })
            .openapi('AuthorModerationView'),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const view = await authorView(ctx.db, c.req.valid('json'));
      if (!view) throw new AppError('not_found');
      return c.json(view, 200);
    },
  );
  return app;
}
