import type { components, paths } from './api-types';

/** The API's named schemas, generated from the server's OpenAPI document: the web never hand-types them. */
export type Schemas = components['schemas'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON answer of an operation on success (200 or 201), straight from the document. */
export type Answer<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? JsonOf<R extends { 200: infer A } ? A : R extends { 201: infer B } ? B : never>
  : never;
