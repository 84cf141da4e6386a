import type { ActionContext } from '../../../kernel/index.js';
import { linkCall } from '../../telephony/index.js';
import type { RegisterDemandOptions, RegisterDemandResult } from './register-demand.js';
import { registerDemandFrom } from './register-demand-from.js';

/** 受理 on a call that rang on the console: the demand and the call's link to it commit together. */
export async function registerOnCall(a: ActionContext, input: RegisterDemandOptions & { callId: string }): Promise<RegisterDemandResult> {
  const { callId, channel, ...opts } = input;
  return registerDemandFrom(a, channel, opts, (l, d) => linkCall(l, { callId, demandId: d.id }));
}
