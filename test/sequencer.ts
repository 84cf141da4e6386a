import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Vitest runs projects one after the other by name, so the seed pages' replays on the server (postgres-browser, the
// longest files: a replay clicks through months) came last, one worker busy for over a minute while the other
// idled. Every browser file now goes first, the replays at their head; the other projects follow in Vitest's own
// order (failed first, then longest known, then largest), and whichever worker frees up takes the next file.
const browserProjects = new Set(['browser', 'postgres-browser']);
const rank = (s: TestSpecification) => (!browserProjects.has(s.project.name) ? 2 : s.moduleId.includes('/seed-page/') ? 0 : 1);

export default class BrowserFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const at = new Map(base.map((s, i) => [s, i]));
    return [...base].sort((a, b) => rank(a) - rank(b) || (at.get(a) ?? 0) - (at.get(b) ?? 0));
  }
}
