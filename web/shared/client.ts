import { ApiError, currentLang } from './api';
import type { components, paths } from './api-types';

/** The API's named schemas, generated from the server's OpenAPI document: the web never hand-types them. */
export type Schemas = components['schemas'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** A path as the web writes it, without the `/api/v1` every path of the document starts with. */
export type ApiPath = keyof paths extends infer K ? (K extends `/api/v1${infer P}` ? P : never) : never;
type Entry<P extends ApiPath> = paths[`/api/v1${P}` & keyof paths];
type Op<P extends ApiPath, M extends Method> = NonNullable<Entry<P>[M & keyof Entry<P>]>;

/** The paths that answer a method: `POST('/demands/{id}')` does not compile when the API has no such operation. */
export type PathsFor<M extends Method> = {
  [P in ApiPath]: [Op<P, M>] extends [never] ? never : P;
}[ApiPath];

/** The JSON answer of an operation on success (200 or 201), straight from the document. */
export type Answer<P extends ApiPath, M extends Method> =
  Op<P, M> extends { responses: infer R }
    ? R extends { 200: infer A }
      ? JsonOf<A>
      : R extends { 201: infer B }
        ? JsonOf<B>
        : null
    : never;

// Each part is required exactly when the document requires it, and absent when the operation has none.
type PathPart<O> = O extends { parameters: { path: infer X } } ? ([X] extends [never] ? unknown : { path: X }) : unknown;
type QueryPart<O> = O extends { parameters: { query: infer Q } }
  ? [Q] extends [never]
    ? unknown
    : { query: Q }
  : O extends { parameters: { query?: infer Q } }
    ? [NonNullable<Q>] extends [never]
      ? unknown
      : { query?: NonNullable<Q> }
    : unknown;
type BodyPart<O> = O extends { requestBody: infer B }
  ? [JsonOf<B>] extends [never]
    ? unknown
    : { body: JsonOf<B> }
  : O extends { requestBody?: infer B }
    ? [JsonOf<NonNullable<B>>] extends [never]
      ? unknown
      : { body?: JsonOf<NonNullable<B>> }
    : unknown;

/** What a call sends besides its path: `{ path: { id } }`, `{ query: { limit: 3 } }`, `{ body }`, typed by the operation. */
export type Init<P extends ApiPath, M extends Method> = PathPart<Op<P, M>> & QueryPart<Op<P, M>> & BodyPart<Op<P, M>>;
type Rest<P extends ApiPath, M extends Method> = Record<string, never> extends Init<P, M> ? [init?: Init<P, M>] : [init: Init<P, M>];
type UploadInit<P extends PathsFor<'post'>> = PathPart<Op<P, 'post'>> & QueryPart<Op<P, 'post'>> & { headers?: Record<string, string> };
type Loose = { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** `/demands/{id}/reply` with `{ id: 7 }` → `/api/v1/demands/7/reply?…`; a query value left empty is not sent. */
export function urlOf(path: string, init: Loose = {}): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(init.path?.[name] ?? '')));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(init.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') query.append(key, String(one));
    }
  }
  const search = query.toString();
  return `/api/v1${filled}${search ? `?${search}` : ''}`;
}

function networkError(): ApiError {
  return new ApiError(
    0,
    'network',
    currentLang() === 'en'
      ? 'Network problem: check the connection and try again. Nothing you typed is lost.'
      : '网络连接有问题，请检查后重试。您填写的内容不会丢失。',
  );
}

async function send(method: string, path: string, init: Loose = {}): Promise<unknown> {
  const headers: Record<string, string> = { 'accept-language': currentLang() === 'en' ? 'en' : 'zh-CN' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(urlOf(path, init), {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = data?.error ?? {};
    throw new ApiError(res.status, err.code ?? 'unknown', err.message ?? res.statusText, err.details);
  }
  return data;
}

/**
 * The one way the web apps talk to the API. The path picks the operation of the generated `paths`; its parameters,
 * body and answer follow from it, so a call site never writes the shape it expects and a changed schema breaks the build.
 */
export const client = {
  GET: <P extends PathsFor<'get'>>(path: P, ...[init]: Rest<P, 'get'>) => send('GET', path, init as Loose) as Promise<Answer<P, 'get'>>,
  POST: <P extends PathsFor<'post'>>(path: P, ...[init]: Rest<P, 'post'>) =>
    send('POST', path, init as Loose) as Promise<Answer<P, 'post'>>,
  PUT: <P extends PathsFor<'put'>>(path: P, ...[init]: Rest<P, 'put'>) => send('PUT', path, init as Loose) as Promise<Answer<P, 'put'>>,
  PATCH: <P extends PathsFor<'patch'>>(path: P, ...[init]: Rest<P, 'patch'>) =>
    send('PATCH', path, init as Loose) as Promise<Answer<P, 'patch'>>,
  DELETE: <P extends PathsFor<'delete'>>(path: P, ...[init]: Rest<P, 'delete'>) =>
    send('DELETE', path, init as Loose) as Promise<Answer<P, 'delete'>>,
};

/**
 * Uploads one file as the raw request body (the API checks its bytes), with the session's CSRF token. The body is the
 * file, so only the path's and query's parameters are typed here; the answer is the operation's.
 */
export async function uploadFile<P extends PathsFor<'post'>>(
  path: P,
  file: File,
  ...[init]: Record<string, never> extends UploadInit<P> ? [init?: UploadInit<P>] : [init: UploadInit<P>]
): Promise<Answer<P, 'post'>> {
  const given = (init ?? {}) as Loose & { headers?: Record<string, string> };
  const headers: Record<string, string> = {
    'content-type': file.type,
    'x-filename': encodeURIComponent(file.name),
    ...given.headers,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(urlOf(path, given), { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  const data = await res.json().catch(() => null);
  // A refusal that is itself a report (an import's 422: the rows to fix) travels in `details`.
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.code ?? 'unknown', data?.error?.message ?? res.statusText, data?.error?.details ?? data);
  return data as Answer<P, 'post'>;
}

export type Region = Schemas['Region'];
export type Category = Schemas['Category'];

/** The JSON body an operation takes. */
export type Body<P extends ApiPath, M extends Method = 'post'> = Init<P, M> extends { body?: infer B } ? B : never;

/** The address of a GET operation, for a link or an `<img>` (a download, a photo): typed by its path like a call. */
export const hrefOf = <P extends PathsFor<'get'>>(path: P, ...[init]: Rest<P, 'get'>) => urlOf(path, init as Loose);
