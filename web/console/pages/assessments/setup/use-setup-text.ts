import { message } from 'antd';
import { ApiError } from '../../../../shared/api';
import { usePageMessages } from '../../../page-messages';
import { setupMessages } from './messages';

/** The set-up's own words. */
export const useSetupText = () => usePageMessages(setupMessages);

/** The server's words for a refusal (the person fixes what it says). */
export const showError = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
