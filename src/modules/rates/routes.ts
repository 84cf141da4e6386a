import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { download } from '../../http/download.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, isoMonth, jsonOk } from '../../http/schemas.js';
import { type AppContext, replicaOf } from '../../kernel/index.js';
import { toCsv } from '../../lib/csv.js';
import { writeWorkbook } from '../../lib/spreadsheet.js';
import { monthReport } from './queries/month-report.js';

const Rate = z.number().nullable();
const UnitRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  /** township_government units rank among townships, the others among departments. */
  unitKind: z.string().optional(),
  rank: z.number().nullable(),
  /** Which board the unit is ranked on, and its place there. */
  rankGroup: z.enum(['township', 'department']),
  groupRank: z.number().nullable(),
  counts: z.object({
    dispatched: z.number(),
    respondedInTime: z.number(),
    calledBack: z.number(),
    solved: z.number(),
    satisfied: z.number(),
    closed: z.number(),
    closedOnTime: z.number(),
  }),
  rates: z.object({ responseRate: Rate, resolutionRate: Rate, satisfactionRate: Rate, onTimeClosureRate: Rate, score: Rate }),
  /** 督办 drawn in the month: yellow (township), red (district); and replies due in the month that came late or not at all. */
  marks: z.object({ yellow: z.number(), red: z.number(), overdue: z.number() }),
  /** 质检: the month's reply-quality checks of the unit's demands (assessments module), when there were any. */
  quality: z.object({ assessed: z.number(), qualified: z.number(), rate: z.number() }).nullable(),
});

const pct = (r: number | null) => (r === null ? '' : (r * 100).toFixed(1));

export function rateRoutes(ctx: AppContext) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/rates',
      tags: ['rates'],
      summary: '三率 per unit for a month, with the ranking (units under the minimum volume are listed but not ranked)',
      security: bearerSecurity,
      request: {
        query: z.object({
          month: isoMonth().optional(),
          format: z.enum(['json', 'csv', 'xlsx']).default('json'),
        }),
      },
      responses: {
        200: jsonOk(
          z.object({
            month: z.string(),
            minDemands: z.number(),
            units: z.array(UnitRow),
            total: UnitRow.pick({ counts: true, rates: true, marks: true }),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      const { format, month: asked } = c.req.valid('query');
      const report = await monthReport(replicaOf(ctx), actor, ctx.now(), asked);
      const { month, units } = report;
      if (format !== 'json') {
        const header = [
          '排名',
          '承办单位',
          '派单数',
          '按时响应',
          '回访数',
          '已解决',
          '满意',
          '办结数',
          '按时办结',
          '响应率%',
          '解决率%',
          '满意率%',
          '按时办结率%',
          '质检合格率%',
          '黄牌督办',
          '红牌督办',
          '超期答复',
        ];
        const rows = units.map((u) => [
          u.rank ?? '',
          u.unitName,
          u.counts.dispatched,
          u.counts.respondedInTime,
          u.counts.calledBack,
          u.counts.solved,
          u.counts.satisfied,
          u.counts.closed,
          u.counts.closedOnTime,
          pct(u.rates.responseRate),
          pct(u.rates.resolutionRate),
          pct(u.rates.satisfactionRate),
          pct(u.rates.onTimeClosureRate),
          pct(u.quality?.rate ?? null),
          u.marks.yellow,
          u.marks.red,
          u.marks.overdue,
        ]);
        if (format === 'xlsx') return download(c, `rates-${month}.xlsx`, await writeWorkbook([{ name: `三率 ${month}`, header, rows }]));
        return download(c, `rates-${month}.csv`, toCsv(header, rows));
      }
      return c.json(report, 200);
    },
  );
  return app;
}
