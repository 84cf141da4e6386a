import { describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors.js';
import { checkExportSize, exportLimit } from './export-list.js';

describe('export size', () => {
  it.each([
    [0, true],
    [exportLimit, true],
    [exportLimit + 1, false],
  ])('%i matching demands → exported: %s', (total, ok) => {
    if (ok) expect(() => checkExportSize(total)).not.toThrow();
    else {
      const refusal = (() => {
        try {
          checkExportSize(total);
        } catch (e) {
          return e as AppError;
        }
      })();
      expect([refusal?.code, refusal?.specific?.zh]).toEqual([
        'request.invalid',
        expect.stringContaining(`一次最多导出 ${exportLimit} 件`),
      ]);
    }
  });
});
