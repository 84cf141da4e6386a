import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, RunProgress, requiredText, text } from '../../http/schemas.js';
import { whileUploading } from '../../http/upload-run.js';
import { type AppContext, isAdmin, perform } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { readProgress } from '../../lib/run-progress.js';
import { readTable } from '../../lib/spreadsheet.js';
import { demandTypes } from '../demands/index.js';
import { runImport } from './actions/run-import.js';
import { saveImportSource } from './actions/save-source.js';
import { importSourceExists } from './queries/source-exists.js';
import { importSources } from './tables.js';

const tags = ['imports'];
const column = text(100).optional();
const id = z.number().int().positive().max(2_147_483_647);
const SourceBody = z
  .object({
    name: requiredText(100),
    columns: z
      .object({
        number: requiredText(100),
        content: requiredText(100),
        createdAt: requiredText(100),
        title: column,
        replyText: column,
        repliedAt: column,
        reporterName: column,
        region: column,
        category: column,
        unit: column,
      })
      .strict(),
    defaults: z.object({ regionId: id, unitId: id.nullable().optional(), type: z.enum(demandTypes).optional() }).strict(),
    nameMaps: z
      .object({
        regions: z.record(z.string(), id).optional(),
        categories: z.record(z.string(), id).optional(),
        units: z.record(z.string(), id).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('ImportSource');

const Report = z
  .object({
    rows: z.number(),
    valid: z.number(),
    imported: z.number(),
    skipped: z.number(),
    errors: z.array(z.object({ row: z.number(), message: z.string() })),
    unmatched: z.object({
      regions: z.record(z.string(), z.number()),
      categories: z.record(z.string(), z.number()),
      units: z.record(z.string(), z.number()),
    }),
  })
  .openapi('ImportReport');

const progressKey = (sourceId: number, userId: number) => `import:${sourceId}:${userId}`;

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 历史导入: sources (column mapping per earlier system) and runs of their exports, dry or for real. */
export function importRoutes(ctx: AppContext) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/import-sources',
      tags,
      summary: 'Admin: saved import sources with their column mappings',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(SourceBody.extend({ id: z.number() })) })), ...errorResponses },
    }),
    async (c) => {
      if (!isAdmin(requireUser(c))) throw new AppError('auth.forbidden');
      const rows = await ctx.db.select().from(importSources).orderBy(importSources.id);
      return c.json(
        { items: rows.map((r) => ({ id: r.id, name: r.name, columns: r.columns, defaults: r.defaults, nameMaps: r.nameMaps })) },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/import-sources',
      tags,
      summary: 'Admin: save a source’s column mapping, defaults and resolved names (the same name updates it)',
      security: bearerSecurity,
      request: jsonBody(SourceBody),
      responses: { 200: jsonOk(z.object({ id: z.number(), name: z.string() })), ...errorResponses },
    }),
    async (c) => {
      const row = await perform(ctx, requireUser(c), saveImportSource, c.req.valid('json'));
      return c.json({ id: row.id, name: row.name }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/import-sources/{id}/runs',
      tags,
      summary:
        'Admin: import an export file (body: text/csv or XLSX); dryRun=true reports and writes nothing; all or nothing; rows already imported are skipped',
      security: bearerSecurity,
      request: {
        params: IdParam,
        query: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        body: {
          content: { 'text/csv': { schema: z.string() }, [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } },
          required: true,
        },
      },
      responses: { ...errorResponses, 200: jsonOk(Report), 422: jsonOk(Report, 'Nothing imported: the rows listed need fixing') },
    }),
    async (c) => {
      const actor = requireUser(c);
      const sourceId = c.req.valid('param').id;
      // Who may import, before a byte of the file is read: a refused caller's file costs nothing.
      if (!isAdmin(actor)) throw new AppError('auth.forbidden');
      if (!(await importSourceExists(ctx.db, sourceId))) throw new AppError('not_found');
      const type = c.req.header('content-type') ?? '';
      const format = type.startsWith('text/csv') ? 'csv' : type.startsWith(xlsxType) ? 'xlsx' : null;
      if (!format)
        throw new AppError('request.unsupported_media', {
          zh: '请上传 CSV（text/csv）或 XLSX 文件。',
          en: 'Send a CSV (text/csv) or an XLSX file.',
        });
      return whileUploading(c, progressKey(sourceId, actor.userId), async (progress) => {
        const bytes = Buffer.from(await c.req.arrayBuffer());
        const rows = await readTable(format, bytes, (p) => progress('reading', p.percent / 100, p.rows));
        if (rows.length === 0) throw new AppError('request.invalid', { zh: '文件中没有数据行。', en: 'The file has no data rows.' });
        const report = await perform(ctx, actor, runImport, {
          sourceId,
          rows,
          dryRun: c.req.valid('query').dryRun === 'true',
          progress: (phase, fraction) => progress(phase, fraction, rows.length),
        });
        return report.errors.length ? c.json(report, 422) : c.json(report, 200);
      });
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/import-sources/{id}/runs/progress',
      tags,
      summary: 'Admin: how far the caller’s run of this source has got, while its upload is still open (phase idle when none)',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOk(RunProgress), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      if (!isAdmin(actor)) throw new AppError('auth.forbidden');
      return c.json(readProgress(progressKey(c.req.valid('param').id, actor.userId)), 200);
    },
  );
  return app;
}
