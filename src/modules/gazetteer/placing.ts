// The gazetteer's second, narrower face: placing, which intake (the demands module) asks for every new demand. It is
// apart from index.ts because the gazetteer's routes read demands (the map's points, places learned from history):
// through index.ts, intake would import the modules that import it.
export { type PlaceInput, placeDemand } from './place-demand.js';
export type { Placement } from './placer.js';
