// Thread entry in plain JavaScript: the compiled module beside it when the server was built
// (npm run build:server), else the TypeScript source through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('./xlsx-worker.js', import.meta.url);
if (existsSync(compiled)) await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./xlsx-worker.ts');
}
