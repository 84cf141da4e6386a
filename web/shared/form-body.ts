// How a page's form becomes an operation's body: the names and types stay the operation's (see client.ts).

/** What a form may hold before it is complete: each field of the body (and of its parts), or nothing chosen yet. */
export type Unfinished<B> = { [K in keyof B]: Loosen<B[K]> | null };
type Loosen<V> = V extends unknown[] ? V : V extends object ? Unfinished<V> : V;

/**
 * A form sent as it stands for the server to check: a field still empty (null) is refused with a message the person
 * can act on, so the page does not repeat the server's rules. Only emptiness is let through: every name and type of a
 * field is still the operation's.
 */
export const asItStands = <B>(form: Unfinished<B>): B => form as B;

/** A form's values without the fields left empty: the API reads an absent field as "not given", not as "". */
export function filled<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as T;
}
