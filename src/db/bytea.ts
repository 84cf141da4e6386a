import { customType } from 'drizzle-orm/pg-core';

// pg hands back a Buffer and PGlite a Uint8Array; both become a Buffer here.
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array)),
  toDriver: (value) => value,
});
