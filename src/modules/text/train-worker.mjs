// Child entry in plain JavaScript: teaches this process TypeScript (tsx), then runs the trainer.
import { register } from 'tsx/esm/api';

register();
await import('./train-worker.ts');
