/** The one way the web apps talk to the API: JSON in, JSON out, errors as ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export async function api<T>(method: string, path: string, body?: unknown, lang = currentLang()): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': lang === 'en' ? 'en' : 'zh-CN' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      lang === 'en'
        ? 'Network problem: check the connection and try again. Nothing you typed is lost.'
        : '网络连接有问题，请检查后重试。您填写的内容不会丢失。',
    );
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = data?.error ?? {};
    throw new ApiError(res.status, err.code ?? 'unknown', err.message ?? res.statusText, err.details);
  }
  return data as T;
}

/** Uploads one file as the raw request body (the API checks its bytes), with the session's CSRF token. */
export async function uploadFile<T>(path: string, file: File, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': file.type, 'x-filename': encodeURIComponent(file.name), ...extraHeaders };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api/v1${path}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  const data = await res.json().catch(() => null);
  // A refusal that is itself a report (an import's 422: the rows to fix) travels in `details`.
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.code ?? 'unknown', data?.error?.message ?? res.statusText, data?.error?.details ?? data);
  return data as T;
}

export type Lang = 'zh-CN' | 'en';
export function currentLang(): Lang {
  try {
    return localStorage.getItem('tj.lang') === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}
export function saveLang(lang: Lang) {
  localStorage.setItem('tj.lang', lang);
}

export type Region = {
  id: number;
  parentId: number | null;
  level: 'district' | 'township' | 'community' | 'grid';
  name: string;
  code: string;
  path: string;
};
export type Category = { id: number; parentId: number | null; level: number; name: string; fullName: string; utility: boolean };
