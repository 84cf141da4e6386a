// npm run build:server — the server as plain JavaScript in build/, module for module at the same
// depth as src/ (so paths relative to a module still point where they did): production runs it
// with plain Node, without transpiling at each start or holding tsx in memory. Transpiles only
// (esbuild, under a second); `tsc -p .` in npm test is the type check. Files that are not
// TypeScript (child process entries, the category tree's seed) are copied beside them.
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { sourcesFingerprint } from './sources-fingerprint.mjs';

const files = readdirSync('src', { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name));
rmSync('build', { recursive: true, force: true });
buildSync({
  entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
  outdir: 'build',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
for (const f of files.filter((f) => !f.endsWith('.ts'))) cpSync(f, join('build', f.slice('src/'.length)));

// What this build was made from, for `npm start` to skip a build that would change nothing.
writeFileSync('build/.sources', sourcesFingerprint());
