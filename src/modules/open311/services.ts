import type { Db } from '../../db/client.js';
import { activeCategories } from '../categories/index.js';
import { demandTypes, urgencies } from '../demands/index.js';

const urgencyNames: Record<(typeof urgencies)[number], string> = { normal: '一般', emergency: '紧急' };
const typeNames: Record<(typeof demandTypes)[number], string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

/** Our categories as services: code = category id, group = the top of its branch. */
export async function listServices(db: Db) {
  const rows = await activeCategories(db);
  return rows.map((c) => ({
    service_code: String(c.id),
    service_name: c.name,
    description: c.fullName,
    // Every service takes the two optional attributes below.
    metadata: true,
    type: 'realtime',
    keywords: c.fullName.split('/').join(', '),
    group: c.fullName.split('/')[0],
  }));
}

/** The attributes every service takes: how urgent, and what kind of demand (defaults: normal, complaint). */
export function serviceDefinition(code: string) {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'urgency',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '默认为一般',
        order: 1,
        description: '紧急程度',
        values: urgencies.map((key) => ({ key, name: urgencyNames[key] })),
      },
      {
        variable: true,
        code: 'type',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '默认为投诉',
        order: 2,
        description: '诉求类型',
        values: demandTypes.map((key) => ({ key, name: typeNames[key] })),
      },
    ],
  };
}
