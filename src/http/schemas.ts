import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'demand.invalid_transition' }),
      message: z.string().openapi({ example: '诉求当前状态不允许此操作。' }),
      details: z.unknown().optional(),
      /** The X-Request-Id of the request: quote it when reporting a problem. */
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid request', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Not allowed', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Not found (or not visible to the caller)', content: { 'application/json': { schema: ErrorSchema } } },
  409: { description: 'Conflict with the current state', content: { 'application/json': { schema: ErrorSchema } } },
  422: { description: 'A referenced record does not exist', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true as const },
});

export const jsonOk = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/** Text fields: trimmed length limits are stated, never silently cut. */
export const text = (max: number) => z.string().max(max, { message: `最多 ${max} 个字 / at most ${max} characters` });
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: '不能为空 / must not be empty' })
    .max(max, { message: `最多 ${max} 个字 / at most ${max} characters` });

/**
 * A number in its range, refused in words that name the field (zh, en): the console shows the server's message as it
 * is, and zod's own would name the field by its key.
 */
export function ranged(zh: string, en: string, min: number, max: number, whole = true) {
  const message = `${zh}应为 ${min} 到 ${max} 之间的${whole ? '整数' : '数'} / ${en} must be ${whole ? 'a whole number ' : ''}from ${min} to ${max}`;
  const n = z.number({ message }).min(min, { message }).max(max, { message });
  return whole ? n.int({ message }) : n;
}

export const bearerSecurity: Record<string, string[]>[] = [{ Bearer: [] }, { Session: [] }];

const plausibleYear = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year <= 2999;
};

/** A moment with its UTC offset (ISO 8601), in years a record can have: 1900–2999. */
export const instant = () =>
  z.iso.datetime({ offset: true }).refine(plausibleYear, { message: '时间须在 1900–2999 年之间 / the time must fall in 1900–2999' });

/** A calendar day (YYYY-MM-DD), in years a record can have: 1900–2999. */
export const isoDay = () =>
  z.iso
    .date({ message: '日期格式为 YYYY-MM-DD / date is YYYY-MM-DD' })
    .refine(plausibleYear, { message: '日期须在 1900–2999 年之间 / the date must fall in 1900–2999' });

/** A calendar month (YYYY-MM), 1900–2999. */
export const isoMonth = () =>
  z.string().regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { message: '月份格式为 YYYY-MM（1900–2999 年）/ month is YYYY-MM (1900–2999)' });

/** How far a long upload has got (see lib/run-progress.ts): the console polls it while the upload is open. */
export const RunProgress = z
  .object({ phase: z.enum(['idle', 'reading', 'checking', 'writing', 'done']), percent: z.number(), rows: z.number() })
  .openapi('RunProgress');
