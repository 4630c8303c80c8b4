/** Unique ids for entities. crypto.randomUUID is in every browser we support and in Node. */
export function newId(): string {
  return crypto.randomUUID();
}
