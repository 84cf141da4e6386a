// npm test and npm run typecheck: the server's and the web's type checks side by side (two cores: 19 s and 8 s one
// after the other, about 20 s together); fails when either does, with each one's output as it came.
import { spawn } from 'node:child_process';

const tsc = 'node_modules/typescript/bin/tsc';
const run = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
const codes = await Promise.all([run('.'), run('web')]);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
