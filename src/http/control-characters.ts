import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/errors.js';
import { decodeText } from '../lib/text-encoding.js';
import type { HttpEnv } from './env.js';

// C0 controls other than tab, newline and carriage return, and DEL: never part of what a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True for text the database can store as typed: no control characters, no lone surrogate halves. */
export const cleanText = (s: string) => !control.test(s) && !loneSurrogate.test(s);

/** How deep a JSON body may nest: no form of ours goes past a handful of levels, and a deeper body is an attack. */
export const maxJsonDepth = 64;

/** What the walk below answers when a body nests deeper than `maxJsonDepth`. */
const tooDeep = Symbol('too deep');

/**
 * The first field holding dirty text, walked with an explicit stack: a body 10,000 levels deep must be
 * refused with a 400, not overflow the call stack.
 */
function firstDirty(root: unknown): string | null | typeof tooDeep {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      if (!cleanText(value)) return path || '(body)';
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= maxJsonDepth) return tooDeep;
    // Pushed in reverse so the first dirty field in reading order is the one named; a dirty key names its object.
    const children: { value: unknown; path: string; depth: number }[] = Array.isArray(value)
      ? value.map((v, i) => ({ value: v, path: `${path}[${i}]`, depth: depth + 1 }))
      : Object.entries(value).flatMap(([k, v]) => [
          { value: k, path, depth: depth + 1 },
          { value: v, path: path ? `${path}.${k}` : k, depth: depth + 1 },
        ]);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
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
      const dirty = firstDirty(body);
      if (dirty === tooDeep)
        throw new AppError('request.invalid', {
          zh: `请求体的 JSON 嵌套超过 ${maxJsonDepth} 层，请检查提交的内容。`,
          en: `The JSON body nests deeper than ${maxJsonDepth} levels; check what is being sent.`,
          details: { field: '(body)', maxDepth: maxJsonDepth },
        });
      if (dirty) throw refuse(dirty);
    }
    if ((c.req.header('content-type') ?? '').startsWith('text/')) {
      // Read as bytes, so the handler gets them as sent: a CSV in GBK is decoded there, not mangled here.
      const text = decodeText(new Uint8Array(await c.req.arrayBuffer()));
      if (text !== null && !cleanText(text)) throw refuse('(body)');
    }
    await next();
  };
}
