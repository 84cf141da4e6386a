/** A refusal of the API (or of the network, status 0) as the web shows it: the server's Chinese message and its code. */
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
