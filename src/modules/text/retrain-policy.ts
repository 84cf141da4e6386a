/**
 * When a district's category model is trained again. Training costs minutes of a core at 10^6
 * demands (4 min measured), so it is never started by a process starting or a request being
 * answered while a model is stored: an hourly job asks this question with what the database
 * records (how far routing has come since the stored model, and when it was stored).
 */
export type RetrainFacts = {
  /** New dispatches (and imported examples, weighted) since the stored model was trained. */
  growth: number;
  /** Growth that makes the model stale (see staleAfter). */
  staleAfter: number;
  /** Hours since the stored model was stored. */
  ageHours: number;
  /** The hour of the day on the district's clock (China time). */
  localHour: number;
};

/** Twice the history a model learns from: past it, the model has seen under a third of what it would now learn. */
export const urgentAfter = 20_000;
/** A stale model is retrained once it is a day old, or in the night's quiet hours, whichever comes first. */
export const maxStaleAgeHours = 24;
export const quietHours = { from: 1, to: 5 } as const;

export function shouldRetrain(f: RetrainFacts): boolean {
  if (f.growth < f.staleAfter) return false;
  // An import of labelled examples crosses this at once: importing is done to teach.
  if (f.growth >= urgentAfter) return true;
  if (f.ageHours >= maxStaleAgeHours) return true;
  return f.localHour >= quietHours.from && f.localHour < quietHours.to;
}
