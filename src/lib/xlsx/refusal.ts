import { AppError } from '../errors.js';
import type { SpreadsheetLimits } from './limits.js';

/** Why a spreadsheet is refused, as plain data: it crosses from the reading thread to the request's. */
export type Refusal =
  | { kind: 'unreadable' }
  | { kind: 'rows' }
  | { kind: 'columns' }
  | { kind: 'cell'; row: number }
  | { kind: 'duplicateHeader'; name: string }
  | { kind: 'encoding' }
  | { kind: 'unzipped' }
  | { kind: 'sharedStrings' }
  | { kind: 'memory' }
  | { kind: 'time' };

export class SpreadsheetRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
  }
}

/** The answer a person can act on: which cap the file crossed and what to do about it. */
export function refusalError(r: Refusal, limits: SpreadsheetLimits): AppError {
  const split = '请拆分成多个文件后分批导入。';
  const tooLarge = (cap: string, zh: string, en: string) =>
    new AppError('request.too_large', { zh: `${zh}${split}`, en, details: { limit: cap } });
  switch (r.kind) {
    case 'unreadable':
      return new AppError('request.invalid', {
        zh: '无法读取该 XLSX 文件，请另存为 .xlsx 后重试。',
        en: 'The XLSX file cannot be read; save it as .xlsx and retry.',
      });
    case 'rows':
      return tooLarge('maxRows', `文件超过 ${limits.maxRows} 行数据的上限。`, `More than ${limits.maxRows} data rows.`);
    case 'columns':
      return tooLarge('maxColumns', `表头超过 ${limits.maxColumns} 列的上限。`, `More than ${limits.maxColumns} columns.`);
    case 'cell':
      return new AppError('request.too_large', {
        zh: `第 ${r.row} 行有单元格超过 ${limits.maxCellChars} 个字符的上限，请删减该单元格的内容。`,
        en: `Row ${r.row} has a cell longer than ${limits.maxCellChars} characters.`,
        details: { limit: 'maxCellChars', row: r.row },
      });
    case 'duplicateHeader':
      return new AppError('request.unprocessable', {
        zh: `表头“${r.name}”出现了不止一次，请给每一列不同的名称后重试。`,
        en: `The header "${r.name}" appears more than once.`,
        details: { duplicateHeader: r.name },
      });
    case 'encoding':
      return new AppError('request.invalid', {
        zh: '无法识别该 CSV 文件的编码（支持 UTF-8 与 GBK），请在 Excel 中另存为“CSV UTF-8”后重试。',
        en: 'The CSV encoding is not recognised (UTF-8 or GBK); save it as CSV UTF-8 and retry.',
      });
    case 'unzipped':
      return tooLarge(
        'maxUnzippedMb',
        `文件解压后超过 ${limits.maxUnzippedMb} MB 的上限。`,
        `Unzipped, the file exceeds ${limits.maxUnzippedMb} MB.`,
      );
    case 'sharedStrings':
      return tooLarge(
        'maxSharedStringsMb',
        `文件中的文本（共享字符串表）解压后超过 ${limits.maxSharedStringsMb} MB 的上限。`,
        `Unzipped, the shared string table exceeds ${limits.maxSharedStringsMb} MB.`,
      );
    case 'memory':
      return tooLarge(
        'workerHeapMb',
        `读取该文件所需内存超过 ${limits.workerHeapMb} MB 的上限。`,
        `Reading the file needs more than ${limits.workerHeapMb} MB.`,
      );
    case 'time':
      return tooLarge('maxSeconds', `读取该文件超过 ${limits.maxSeconds} 秒的上限。`, `Reading the file took over ${limits.maxSeconds} s.`);
  }
}
