import { ApiError } from '../../../shared/api';
import type { Answer, Schemas } from '../../../shared/client';

// The server's own shapes, generated from its OpenAPI document.
export type CouncilDetail = Answer<'/councils/{id}', 'get'>;
export type Meeting = Schemas['CouncilMeeting'];
export type ActionItem = Schemas['CouncilActionItem'];

export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
