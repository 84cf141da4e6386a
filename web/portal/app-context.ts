import type { useI18n } from '../shared/i18n';
import type { messages } from './messages';

/** The portal's message lookup, handed to each page. */
export type T = ReturnType<typeof useI18n<typeof messages>>['t'];
