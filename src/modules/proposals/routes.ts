import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, ne } from 'drizzle-orm';
import { underNode } from '../../db/tree.js';
import { requireUser } from '../../http/caller.js';
import { type ResidentLimits, residentLimits } from '../../http/limiters.js';
import { codesPerMinute, rateLimit } from '../../http/rate-limit.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText, text } from '../../http/schemas.js';
import { type AppContext, perform, residentActor } from '../../kernel/index.js';
import { maskName, redact } from '../../lib/redact.js';
import { asWritten, publicFaces } from '../moderation/index.js';
import { phoneKey, sendVerificationCode } from '../notifications/index.js';
import { regionOf } from '../regions/index.js';
import { mergeProposal } from './actions/merge-proposal.js';
import { secondProposal } from './actions/second-proposal.js';
import { submitProposal } from './actions/submit-proposal.js';
import { proposalText, splitProposalText } from './moderated-text.js';
import { proposals } from './tables.js';

const tags = ['proposals'];
const phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s-]{5,20}$/, { message: '电话号码格式不对 / not a phone number' });
const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: '验证码是 6 位数字 / the code is 6 digits' });
const View = z
  .object({
    id: z.number(),
    regionId: z.number(),
    region: z.string(),
    title: z.string(),
    body: z.string(),
    proposerName: z.string().nullable(),
    status: z.string(),
    seconds: z.number(),
    mergedIntoId: z.number().nullable(),
    hidden: z.boolean(),
    hiddenReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Proposal');

export function proposalRoutes(ctx: AppContext, limitPerMinute: () => number, residents: ResidentLimits = residentLimits()) {
  const app = newRouter();
  const present = async (id: number) => {
    const [r] = await ctx.db
      .select({ p: proposals, region: regionOf(proposals.regionId).name })
      .from(proposals)
      .where(eq(proposals.id, id));
    // A moderator's decision: hidden (or held) proposals show only that they were hidden, and why.
    const face = (await publicFaces(ctx.db, 'proposal', [id])).get(id) ?? asWritten;
    const [title, body] = face.hidden ? ['', ''] : splitProposalText(face.text(proposalText(r.p)));
    return {
      id: r.p.id,
      regionId: r.p.regionId,
      region: r.region,
      // Proposals are public: phone and ID numbers masked, the proposer shown by family name only.
      title: redact(title, { names: [r.p.proposerName] }),
      body: redact(body, { names: [r.p.proposerName] }),
      proposerName: face.hidden ? null : maskName(r.p.proposerName),
      hidden: face.hidden,
      hiddenReason: face.hiddenReason,
      status: r.p.status,
      seconds: r.p.seconds,
      mergedIntoId: r.p.mergedIntoId,
      createdAt: r.p.createdAt.toISOString(),
    };
  };
  // Codes cost an SMS each: at most five a minute per address, whatever the general limit (0 = off).
  app.use('/public/verification-codes', rateLimit(codesPerMinute(limitPerMinute), { name: 'codes', client: residents.client }));
  app.use('/public/proposals/*', rateLimit(limitPerMinute, { name: 'proposals', client: residents.client }));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/verification-codes',
      tags: ['public'],
      summary: 'Send a one-time code to a phone (by SMS through the outbox)',
      request: jsonBody(z.object({ phone }).strict()),
      responses: { 202: { description: 'Sent' }, ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await residents.sendCode(phoneKey(body.phone));
      await perform(ctx, residentActor, sendVerificationCode, body);
      return c.body(null, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/proposals',
      tags: ['public'],
      summary: '提议: a resident proposes a matter for their community (phone code required)',
      request: jsonBody(
        z
          .object({
            regionId: z.number().int().positive().max(2_147_483_647),
            title: requiredText(200),
            body: requiredText(5000),
            name: text(50).optional(),
            phone,
            code,
          })
          .strict(),
      ),
      responses: {
        201: jsonOk(View.extend({ authorToken: z.string() }), 'Proposed; the author keeps the token to follow moderation'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const p = await perform(ctx, residentActor, submitProposal, c.req.valid('json'));
      return c.json({ ...(await present(p.id)), authorToken: p.authorToken }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/proposals',
      tags: ['public'],
      summary: 'Proposals of a community (and below), most supported first',
      request: { query: z.object({ regionId: z.coerce.number().int().positive().max(2_147_483_647) }) },
      responses: { 200: jsonOk(z.object({ items: z.array(View) })), ...errorResponses },
    }),
    async (c) => {
      const rows = await ctx.db
        .select({ id: proposals.id })
        .from(proposals)
        .where(and(underNode(regionOf(proposals.regionId).path, 'regions', c.req.valid('query').regionId), ne(proposals.status, 'merged')))
        .orderBy(desc(proposals.seconds), desc(proposals.id))
        .limit(100);
      return c.json({ items: await Promise.all(rows.map((r) => present(r.id))) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/proposals/{id}/seconds',
      tags: ['public'],
      summary: '附议: one person, one second (phone code required)',
      request: { params: IdParam, ...jsonBody(z.object({ phone, code }).strict()) },
      responses: { 200: jsonOk(View), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await present(
          (await perform(ctx, residentActor, secondProposal, { proposalId: c.req.valid('param').id, ...c.req.valid('json') })).id,
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/proposals',
      tags,
      summary: 'An operator enters a proposal on a resident’s behalf',
      security: bearerSecurity,
      request: jsonBody(
        z
          .object({
            regionId: z.number().int().positive().max(2_147_483_647),
            title: requiredText(200),
            body: requiredText(5000),
            name: text(50).optional(),
            phone,
          })
          .strict(),
      ),
      responses: { 201: jsonOk(View, 'Proposed'), ...errorResponses },
    }),
    async (c) => c.json(await present((await perform(ctx, requireUser(c), submitProposal, c.req.valid('json'))).id), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/proposals/{id}/seconds',
      tags,
      summary: 'An operator records a resident’s second',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(z.object({ phone }).strict()) },
      responses: { 200: jsonOk(View), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await present(
          (await perform(ctx, requireUser(c), secondProposal, { proposalId: c.req.valid('param').id, ...c.req.valid('json') })).id,
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/proposals/{id}/merge',
      tags,
      summary: 'Merge a duplicate proposal into another; supporters count once',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(z.object({ intoId: z.number().int().positive().max(2_147_483_647) }).strict()) },
      responses: { 200: jsonOk(View), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await present(
          (await perform(ctx, requireUser(c), mergeProposal, { proposalId: c.req.valid('param').id, intoId: c.req.valid('json').intoId }))
            .id,
        ),
        200,
      ),
  );
  return app;
}
