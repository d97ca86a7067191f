import { clsx, type ClassValue } from "clsx";

/**
 * Join class names without Tailwind conflict resolution (clsx only). For the components every persona's first
 * page carries (the frame, the primitives it uses, the main pages' client components): `cn`'s tailwind-merge is
 * about 8 kB of gzipped JavaScript (decision 040). Only for classes that never set the same thing twice (a
 * component's own classes, alternatives chosen by a condition, a caller's layout classes); where a caller's class
 * must override a default, use `cn` (lib/utils/cn.ts). tests/unit/first-load-js.test.ts holds the frame to it.
 */
export function cx(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
