import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.js';
import { errorResponses, instant, jsonBody, jsonOk, requiredText, text } from '../../http/schemas.js';
import { requireSignature } from '../../http/signed.js';
import { type AppContext, perform, systemActor } from '../../kernel/index.js';
import { demandTypes, urgencies } from '../demands/index.js';
import { receiveWorkOrder } from './actions/receive-work-order.js';

const WorkOrder = z
  .object({
    cityNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, { message: '市级工单号为 4–40 位字母、数字或短横线 / 4–40 letters, digits or dashes' }),
    receivedAt: instant(),
    dueAt: instant(),
    type: z.enum(demandTypes),
    title: text(100).optional(),
    content: requiredText(4000),
    reporterName: text(50).optional(),
    reporterPhone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s-]{5,20}$/, { message: '电话号码格式不对 / not a phone number' })
      .optional(),
    regionCode: requiredText(50),
    categoryName: text(200).optional(),
    urgency: z.enum(urgencies).optional(),
    address: text(200).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .openapi('CityWorkOrder');

/** The city's 12345 sends work orders down here (signed with the shared secret, TINGJIAN_CITY_SECRET). */
export function interopRoutes(ctx: AppContext, opts: { citySecret?: string }) {
  const app = newRouter();
  app.use('/city/work-orders', requireSignature(opts.citySecret));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/city/work-orders',
      tags: ['interop'],
      summary: "The city's 12345: a work order sent down becomes a demand with the city's number and deadline (idempotent by number)",
      request: jsonBody(WorkOrder),
      responses: {
        201: jsonOk(z.object({ number: z.string(), created: z.literal(true) }), 'Created'),
        200: jsonOk(z.object({ number: z.string(), created: z.literal(false) }), 'Already received'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const o = c.req.valid('json');
      const r = await perform(ctx, systemActor, receiveWorkOrder, { ...o, receivedAt: new Date(o.receivedAt), dueAt: new Date(o.dueAt) });
      return r.created
        ? c.json({ number: r.number, created: true as const }, 201)
        : c.json({ number: r.number, created: false as const }, 200);
    },
  );
  return app;
}
