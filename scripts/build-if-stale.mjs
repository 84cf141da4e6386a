// npm start: build the web apps and the server only when their sources changed since the last build (a restart
// after `npm install` starts at once instead of rebuilding for seconds).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { sourcesFingerprint } from './sources-fingerprint.mjs';

const built = existsSync('build/.sources') && existsSync('dist/web/console/index.html') ? readFileSync('build/.sources', 'utf8') : '';
if (built === sourcesFingerprint()) console.log('build/ and dist/web are up to date with the sources: not rebuilding');
else execSync('npm run build', { stdio: 'inherit' });
