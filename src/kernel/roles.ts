/** The roles a grant can carry; the kernel owns them because every module's policy reads them. */
export const roles = ['operator', 'dispatcher', 'handler', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];
