// Kept where the modules import it from; it lives with the kernel's Db type.
export { queryRows } from '../kernel/db.js';
