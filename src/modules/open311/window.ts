/** The spec's span: "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const spanMs = 90 * 86_400_000;

/**
 * The requested_datetime window of GET requests: the last 90 days by default; a start alone runs 90
 * days on, an end alone 90 days back; a longer start–end span is cut at 90 days from its start.
 */
export function requestWindow(start: Date | undefined, end: Date | undefined, now: Date): { start: Date; end: Date } | null {
  if (start && end && end < start) return null;
  if (!start && !end) return { start: new Date(now.getTime() - spanMs), end: now };
  if (start && !end) return { start, end: new Date(start.getTime() + spanMs) };
  if (!start && end) return { start: new Date(end.getTime() - spanMs), end };
  const from = start as Date;
  return { start: from, end: new Date(Math.min((end as Date).getTime(), from.getTime() + spanMs)) };
}
