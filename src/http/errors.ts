import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError, errorCatalogue, type Locale } from '../lib/errors.js';
import { loggable, pgCode } from '../lib/loggable.js';
import type { HttpEnv } from './env.js';

export function errorBody(err: AppError, locale: Locale) {
  return { error: { code: err.code, message: err.messageFor(locale), ...(err.details === undefined ? {} : { details: err.details }) } };
}

export function validationError(error: ZodError): AppError {
  const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const list = fields.map((f) => `${f.path || '(body)'}: ${f.message}`).join('; ');
  return new AppError('request.invalid', {
    zh: `请求内容有误：${list}`,
    en: `Invalid request: ${list}`,
    details: { fields },
  });
}

/** Turns anything thrown into the one error shape; unknown errors are logged and told as 500. */
export function toResponse(err: unknown, c: Context<HttpEnv>, log: { error: (o: object, m: string) => void }) {
  const locale = c.get('locale') ?? 'zh-CN';
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (err instanceof HTTPException) {
    if (err.status === 413) appError = new AppError('request.too_large');
    else if (/json/i.test(err.message)) appError = new AppError('request.malformed_json');
    else appError = new AppError('request.invalid', { zh: err.message, en: err.message });
  } else if (isUniqueViolation(err)) appError = new AppError('conflict.duplicate');
  else if (isForeignKeyViolation(err)) appError = new AppError('validation.reference');
  else {
    log.error({ err: loggable(err), method: c.req.method, path: c.req.path, requestId: c.get('requestId') }, 'unhandled error');
    appError = new AppError('internal');
  }
  const retryAfter = (appError as { retryAfterSeconds?: number }).retryAfterSeconds;
  if (retryAfter) c.header('Retry-After', String(retryAfter));
  const body = errorBody(appError, locale);
  return c.json({ error: { ...body.error, requestId: c.get('requestId') } }, errorCatalogue[appError.code].status as 400);
}

const isUniqueViolation = (err: unknown) => pgCode(err) === '23505';
const isForeignKeyViolation = (err: unknown) => pgCode(err) === '23503';
