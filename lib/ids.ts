import { z } from "zod";

const uuid = z.uuid();

/** Ids in URLs are checked before they reach a query: a malformed id is simply "not found", never a 500. */
export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}
