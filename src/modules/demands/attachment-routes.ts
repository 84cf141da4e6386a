import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { clientAddress, requireUser } from '../../http/caller.js';
import type { HttpEnv } from '../../http/env.js';
import { type ResidentLimits, residentLimits } from '../../http/limiters.js';
import { rateLimit } from '../../http/rate-limit.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonOk } from '../../http/schemas.js';
import type { AppContext } from '../../kernel/index.js';
import { perform, residentActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { addAttachment, maxAttachmentBytes } from './actions/add-attachment.js';
import { loadVisible } from './queries/get-demand.js';
import { findOwnDemand } from './queries/public-lookup.js';
import { attachments } from './tables.js';

const Saved = z.object({ id: z.number(), filename: z.string(), contentType: z.string(), size: z.number() });
const imageBody = {
  content: { 'image/jpeg': { schema: z.any() }, 'image/png': { schema: z.any() }, 'image/webp': { schema: z.any() } },
  required: true as const,
};

async function readUpload(c: Context<HttpEnv>) {
  const contentType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxAttachmentBytes) throw new AppError('request.too_large', { details: { maxBytes: maxAttachmentBytes } });
  const data = Buffer.from(await c.req.arrayBuffer());
  const filename = decodeURIComponent(c.req.header('x-filename') ?? 'photo').slice(0, 200);
  return { contentType, data, filename };
}

/** Photos of the problem: raw image bodies, checked by their bytes, stored with the demand. */
export function attachmentRoutes(ctx: AppContext, limitPerMinute: () => number, residents: ResidentLimits = residentLimits()) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/demands/{id}/attachments',
      tags: ['demands'],
      summary: 'Attach a photo (JPEG, PNG or WebP, at most 5 MB; name in X-Filename)',
      security: bearerSecurity,
      request: { params: IdParam, body: imageBody },
      responses: { 201: jsonOk(Saved, 'Stored'), ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
    }),
    async (c) => {
      const actor = requireUser(c);
      const upload = await readUpload(c);
      return c.json(await perform(ctx, actor, addAttachment, { demandId: c.req.valid('param').id, ...upload }), 201);
    },
  );

  app.use('/public/demands/:number/attachments', rateLimit(limitPerMinute, { name: 'attachments', client: residents.client }));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/demands/{number}/attachments',
      tags: ['public'],
      summary: 'A resident attaches a photo to their demand (X-Query-Code header proves it is theirs)',
      request: { params: z.object({ number: z.string().regex(/^\d{14,20}$/) }), body: imageBody },
      responses: { 201: jsonOk(Saved, 'Stored'), ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
    }),
    async (c) => {
      const own = { number: c.req.valid('param').number, queryCode: c.req.header('x-query-code') ?? '' };
      const demand = await residents.lookup(own, clientAddress(c), () => findOwnDemand(ctx.db, own));
      const upload = await readUpload(c);
      return c.json(await perform(ctx, residentActor, addAttachment, { demandId: demand.id, ...upload }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/attachments/{id}',
      tags: ['demands'],
      summary: 'Download an attachment of a demand the caller may see',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: { description: 'The file' }, ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const [file] = await ctx.db
        .select()
        .from(attachments)
        .where(eq(attachments.id, c.req.valid('param').id));
      if (!file) throw new AppError('not_found');
      // Whoever may see the demand (a unit that helps or is asked to take it over included) may see its photos; to
      // anyone else the photo does not exist, and the answer does not name its demand either.
      await loadVisible(ctx.db, actor, file.demandId).catch((e: unknown) => {
        throw e instanceof AppError && e.code === 'not_found' ? new AppError('not_found') : e;
      });
      return c.body(new Uint8Array(file.data), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'X-Content-Type-Options': 'nosniff',
      }) as never;
    },
  );
  return app;
}
