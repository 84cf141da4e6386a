import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type ZodError, z } from 'zod';
import { AppError, errorCatalogue, type Locale } from '../lib/errors.js';
import { loggable, pgCode } from '../lib/loggable.js';
import type { HttpEnv } from './env.js';

export function errorBody(err: AppError, locale: Locale) {
  return { error: { code: err.code, message: err.messageFor(locale), ...(err.details === undefined ? {} : { details: err.details }) } };
}

// A body of 300,000 unknown keys must not come back as a 7 MB answer built on the event loop.
const maxListed = 10;
const maxMessage = 200;

const zhIssue = z.locales.zhCN().localeError;
const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
  null: '空值',
  date: '日期',
  nan: '非数字',
};
/** zod's default message in Chinese. A parsed issue no longer holds its input, so what was received is read off the English one. */
function zhDefault(i: ZodError['issues'][number]): string {
  if (i.code === 'invalid_type') {
    const received = /received (\w+)/.exec(i.message)?.[1];
    if (received === 'undefined') return '必填';
    const name = (t: string | undefined) => (t && typeNames[t.toLowerCase()]) ?? t ?? '';
    return `应为${name(i.expected)}${received ? `，收到的是${name(received)}` : ''}`;
  }
  const m = zhIssue(i as Parameters<typeof zhIssue>[0]);
  return typeof m === 'string' ? m : (m?.message ?? i.message);
}
/** A field's own message is written "中文 / English" (it names the field itself); zod's default is told with the path. */
function issueTexts(i: ZodError['issues'][number]) {
  const path = i.path.join('.') || '(body)';
  const cut = (t: string) => (t.length > maxMessage ? `${t.slice(0, maxMessage)}…` : t);
  if (/\p{Script=Han}/u.test(i.message)) {
    const [zh, en = zh] = i.message.split(' / ');
    return { path, zh: cut(zh), en: `${path}: ${cut(en)}` };
  }
  return { path, zh: `${path}：${cut(zhDefault(i))}`, en: `${path}: ${cut(i.message)}` };
}

export function validationError(error: ZodError): AppError {
  const shown = error.issues.slice(0, maxListed).map(issueTexts);
  const more = error.issues.length - shown.length;
  const zh = shown.map((t) => t.zh).join('；') + (more > 0 ? `；另有 ${more} 项` : '');
  const en = shown.map((t) => t.en).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return new AppError('request.invalid', {
    zh: `请求内容有误：${zh}`,
    en: `Invalid request: ${en}`,
    details: { fields: shown.map((t) => ({ path: t.path, message: t.zh })), ...(more > 0 ? { more } : {}) },
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
    // The body's declared type is not the one the operation reads (text/plain where JSON is due): said in words.
    else if (err.status === 415 || /unsupported media type/i.test(err.message))
      appError = new AppError('request.unsupported_media', {
        zh: '请求内容的类型不对：请以 JSON（Content-Type: application/json）或表单提交。',
        en: 'Send the body as JSON (Content-Type: application/json) or as a form.',
      });
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
