import type { ActionContext } from '../../../kernel/index.js';
import { linkCall } from '../../telephony/index.js';
import { type RegisterDemandOptions, type RegisterDemandResult, registerDemand } from './register-demand.js';

/** 受理 on a call that rang on the console: the demand and the call's link to it commit together. */
export async function registerOnCall(a: ActionContext, input: RegisterDemandOptions & { callId: string }): Promise<RegisterDemandResult> {
  const { callId, ...opts } = input;
  const result = await registerDemand(a, opts);
  if (result.created) await linkCall(a, { callId, demandId: result.demand.id });
  return result;
}
