/** A timestamp for JSON: ISO 8601, or null. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
