// Child entry in plain JavaScript: teaches this process TypeScript (tsx), then groups the topics.
import { register } from 'tsx/esm/api';

register();
await import('./topics-worker.ts');
