import type { Answer, Schemas } from '../../../../shared/client';

// The server's own shapes, generated from its OpenAPI document.
export type Programme = Schemas['AppointmentProgramme'];
export type AppointeeRow = Schemas['AppointeeRow'];
export type Appointee = Schemas['Appointee'];
export type Step = AppointeeRow['allowedActions'][number];
export type ProgrammeList = Answer<'/appointment-programmes', 'get'>;
export type Post = Programme['nominatePosts'][number];
