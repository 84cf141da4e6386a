// An honest export of an earlier 12345 system: `rows` demands with their replies, as an XLSX file
// the way Excel writes one (shared strings, numbered rows). For bench:import and its test.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const honestHeader = ['编号', '标题', '登记时间', '诉求内容', '答复内容', '答复时间'];

const topics = [
  '路灯不亮',
  '夜间施工噪音',
  '井盖松动',
  '小区垃圾清运不及时',
  '楼道堆放杂物',
  '共享单车乱停放',
  '供暖温度不达标',
  '道路积水',
];

export async function honestXlsx(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = book.addWorksheet('导出');
  sheet.addRow(honestHeader).commit();
  for (let i = 1; i <= rows; i++) {
    const topic = topics[i % topics.length];
    const day = String((i % 28) + 1).padStart(2, '0');
    sheet
      .addRow([
        `H-${String(i).padStart(7, '0')}`,
        topic,
        `2024-03-${day} 08:${String(i % 60).padStart(2, '0')}`,
        `第${i}号：居民反映${topic}，位置在${(i % 97) + 1}号楼附近，已${(i % 9) + 1}天。`,
        `已派人现场处理${topic}问题，第${i}号诉求已办结。`,
        `2024-03-${day} 17:${String(i % 60).padStart(2, '0')}`,
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}
