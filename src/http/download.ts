import type { Context } from 'hono';

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * A file the browser saves under `filename` (its extension says what it is): every export goes out
 * this way, whole or streamed as it is written.
 */
export function download(c: Context, filename: `${string}.${keyof typeof types}`, body: string | Buffer | ReadableStream<Uint8Array>) {
  const ext = filename.slice(filename.lastIndexOf('.') + 1) as keyof typeof types;
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  const bytes = typeof body === 'string' || body instanceof ReadableStream ? body : new Uint8Array(body);
  return c.body(bytes, 200, { 'Content-Type': types[ext] }) as never;
}
