import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';
import type { HttpEnv } from '../http/env.js';

export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The precompressed twin the browser accepts, brotli first (the build writes .br and .gz beside each text file). */
function encoded(file: string, accept: string): { path: string; encoding: 'br' | 'gzip' | null } {
  if (/\bbr\b/.test(accept) && existsSync(`${file}.br`)) return { path: `${file}.br`, encoding: 'br' };
  if (/\bgzip\b/.test(accept) && existsSync(`${file}.gz`)) return { path: `${file}.gz`, encoding: 'gzip' };
  return { path: file, encoding: null };
}

/** The built portal at / and console at /console/ (single-page apps: unknown paths get their index). */
export function mountWeb(app: Hono<HttpEnv>) {
  const send = async (c: Context<HttpEnv>, file: string, cache: string) => {
    const { path, encoding } = encoded(file, c.req.header('accept-encoding') ?? '');
    const headers: Record<string, string> = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': cache,
      vary: 'Accept-Encoding',
    };
    if (encoding) headers['content-encoding'] = encoding;
    return new Response(await readFile(path), { headers });
  };
  const missing = () =>
    new Response('The web apps are not built yet: run `npm run build` (npm install and npm start do it for you).', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });

  app.get('/assets/*', async (c) => {
    const rel = normalize(c.req.path).replace(/^(\.\.[/\\])+/, '');
    const file = join(webRoot, rel);
    if (!file.startsWith(webRoot) || !existsSync(file) || /\.(br|gz)$/.test(file)) return c.notFound();
    // Hashed names: a changed file gets a new name, so this one never changes.
    return send(c, file, 'public, max-age=31536000, immutable');
  });
  const page = (name: 'portal' | 'console') => async (c: Context<HttpEnv>) => {
    const file = join(webRoot, name, 'index.html');
    return existsSync(file) ? send(c, file, 'no-cache') : missing();
  };
  app.get('/favicon.svg', (c) => {
    const file = join(webRoot, 'favicon.svg');
    return existsSync(file) ? send(c, file, 'public, max-age=86400') : c.notFound();
  });
  app.get('/console', (c) => c.redirect('/console/'));
  app.get('/console/*', page('console'));
  app.get('/', page('portal'));
}
