import dayjs, { type Dayjs } from 'dayjs';

/** The API's days are `YYYY-MM-DD`; the pickers hold dayjs values. */
export const isoDay = (d: Dayjs) => d.format('YYYY-MM-DD');
/** Today as the browser's clock has it: the form's starting value, which the person changes if need be. */
export const today = () => dayjs();
export const dayFormat = 'YYYY-MM-DD';
