// The newest change among what the web apps and the server are built from, with the file count (a deleted file
// changes it): equal fingerprints mean a build would produce the same output.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['src', 'web', 'scripts', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

function files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [[path, stat.mtimeMs]];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

export function sourcesFingerprint() {
  const all = roots.flatMap(files);
  return `${all.length}:${Math.max(...all.map(([, mtime]) => mtime))}`;
}
