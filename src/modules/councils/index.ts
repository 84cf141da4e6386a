// The councils module's public face: other modules import only this file.
export { type AgendaSource, registerAgendaSource } from './agenda-sources.js';
export { councilRoutes } from './routes.js';
export { councilChairsOver } from './store.js';
export { councilSeats, councils } from './tables.js';
