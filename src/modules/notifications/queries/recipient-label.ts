import type { Db } from '../../../db/client.js';
import type { OutboxMessageRow } from '../../../kernel/index.js';
import { maskPhone } from '../../../lib/redact.js';
import { getRegion, getUnit } from '../../regions/index.js';

// Console addresses are `kind:id:role…` (unit:25:handlers, region:7:organisers, council:3:chair:…): an admin reads
// who they reach, in words.
const roleWords: Record<string, string> = {
  handlers: '承办人员',
  organisers: '组织人员',
  supervisors: '督办人员',
  dispatchers: '派单员',
  operators: '受理员',
  chair: '主持人',
};
const systems: Record<string, string> = { city12345: '市 12345 平台' };

/** Who a message goes to, as a person reads it: a masked number, a unit's handlers, the city's platform. */
export async function recipientLabel(db: Db, m: Pick<OutboxMessageRow, 'channel' | 'recipient'>): Promise<string> {
  if (m.channel === 'sms') return maskPhone(m.recipient);
  if (m.channel === 'webhook') return systems[m.recipient] ?? '外部系统';
  const [kind, id, role] = m.recipient.split(':');
  const who = roleWords[role] ?? '工作人员';
  if (kind === 'unit') return `${(await getUnit(db, Number(id)))?.name ?? '单位'} ${who}`;
  if (kind === 'region') return `${(await getRegion(db, Number(id)))?.name ?? '区域'} ${who}`;
  if (kind === 'council') return `议事会${who}`;
  return '工作台消息';
}
