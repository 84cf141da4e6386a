import { appendFileSync, mkdirSync } from 'node:fs';
import { beforeEach } from 'vitest';
import { reportOpenPages } from './failure-report.js';

// A failed browser test carries, in its error message (which the summary at the end of the log prints), what the
// open pages showed at that moment.
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    const report = await reportOpenPages(task.name);
    const error = task.result?.errors?.[0];
    if (report && error) error.message = `${error.message}\n\n── what the open pages showed ──\n${report}`;
    // Kept beside the screenshots too: a test that passes when it runs again prints nothing of its first failure.
    mkdirSync('test-results/failures', { recursive: true });
    appendFileSync('test-results/failures/report.txt', `\n# ${task.name}\n${error?.message ?? ''}\n${error?.stack ?? ''}\n`);
  });
});
