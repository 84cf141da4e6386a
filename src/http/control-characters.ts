import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/errors.js';
import type { HttpEnv } from './env.js';

// C0 controls other than tab, newline and carriage return, and DEL: never part of what a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True for text the database can store as typed: no control characters, no lone surrogate halves. */
export const cleanText = (s: string) => !control.test(s) && !loneSurrogate.test(s);

function firstDirty(value: unknown, path: string): string | null {
  if (typeof value === 'string') return cleanText(value) ? null : path || '(body)';
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = firstDirty(v, `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = firstDirty(k, path) ?? firstDirty(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

const refuse = (where: string) =>
  new AppError('request.invalid', {
    zh: `${where} 含有不可见的控制字符或残缺的字符，请删除后重试。`,
    en: `${where} contains an invisible control character or a broken character; remove it and try again.`,
    details: { field: where },
  });

/**
 * One gate for every request: text with a NUL, another control character or half a surrogate pair
 * is refused with a 400 naming the field, before any handler or the database sees it.
 */
export function rejectControlCharacters(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      throw refuse('URL');
    }
    if (!cleanText(path)) throw refuse('URL');
    for (const [key, values] of Object.entries(c.req.queries())) {
      if (!cleanText(key)) throw refuse('query');
      for (const v of values) if (!cleanText(v)) throw refuse(key);
    }
    const filename = c.req.header('x-filename');
    if (filename !== undefined) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(filename);
      } catch {
        throw new AppError('request.invalid', {
          zh: 'X-Filename 的编码不正确（请用 encodeURIComponent 编码文件名）。',
          en: 'X-Filename is not correctly percent-encoded (encode the name with encodeURIComponent).',
          details: { field: 'X-Filename' },
        });
      }
      if (!cleanText(decoded)) throw refuse('X-Filename');
    }
    if ((c.req.header('content-type') ?? '').includes('json') && c.req.method !== 'GET') {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new AppError('request.malformed_json');
      }
      const dirty = firstDirty(body, '');
      if (dirty) throw refuse(dirty);
    }
    if ((c.req.header('content-type') ?? '').startsWith('text/')) {
      if (!cleanText(await c.req.text())) throw refuse('(body)');
    }
    await next();
  };
}
