/**
 * The venue without the organiser's name it often begins with: organised by "团区委 · 党群服务中心", the venue
 * "党群服务中心 青年夜校美育教室" is "青年夜校美育教室" where the organiser is already said beside it.
 */
export function venueWithout(organiser: string, venue: string): string {
  const v = venue.trim();
  const parts = [organiser.trim(), ...organiser.split(/[·,，、/]/).map((p) => p.trim())].filter(Boolean);
  const lead = parts.filter((p) => v.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  const rest = lead ? v.slice(lead.length).replace(/^[\s·,，、-]+/, '') : v;
  return rest || v;
}

/** "团区委 · 党群服务中心 · 青年夜校美育教室", not "… 党群服务中心 · 党群服务中心 青年夜校美育教室". */
export function organiserAndVenue(organiser: string, venue: string): string {
  const o = organiser.trim();
  const rest = venueWithout(o, venue);
  if (!o) return rest;
  return rest === venue.trim() && o.endsWith(rest) ? o : `${o} · ${rest}`;
}
