import { createContext, useContext } from 'react';
import type { Schemas } from '../shared/client';
import type { useI18n } from '../shared/i18n';
import type { messages } from './messages';

export type Me = Schemas['Me'];
export type ConsoleContext = {
  me: Me;
  t: ReturnType<typeof useI18n<typeof messages>>['t'];
  lang: 'zh-CN' | 'en';
  has: (role: string) => boolean;
};

/** What every console page reads: who is signed in, the message catalogue and the language. */
export const AppContext = createContext<ConsoleContext | null>(null);
export const useApp = () => useContext(AppContext)!;
