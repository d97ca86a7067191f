import type { ComponentProps } from "react";
import { cx } from "@/lib/utils/cx";

// A plain map, not class-variance-authority: the avatar is in every signed-in page's first JavaScript (the top
// bar's organisation switcher), and cva would be there only for it (decision 049).
const BASE = "relative inline-flex shrink-0 select-none items-center justify-center overflow-hidden font-semibold uppercase";
const SIZES = {
  xs: "size-5 text-[0.5625rem]",
  sm: "size-7 text-[0.6875rem]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;
const SHAPES = { circle: "rounded-full", square: "rounded-md" } as const;

// Soft backgrounds with AA-contrast text; chosen deterministically from the name.
const tints = [
  "bg-indigo-100 text-indigo-800",
  "bg-sky-100 text-sky-800",
  "bg-teal-100 text-teal-800",
  "bg-amber-100 text-amber-900",
  "bg-rose-100 text-rose-800",
  "bg-violet-100 text-violet-800",
  "bg-slate-200 text-slate-800",
] as const;

/** "Kari Nordmann" -> "KN", "Tall & Balanse Regnskap AS" -> "TB", "ola@x.no" -> "O". */
export function initialsOf(name: string): string {
  const words = name
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter((w) => /^\p{L}/u.test(w));
  const first = words[0]?.[0] ?? name.trim()[0] ?? "?";
  const second = words.length > 1 ? (words[1]?.[0] ?? "") : "";
  return (first + second).toUpperCase();
}

function tintOf(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return tints[hash % tints.length] ?? tints[0];
}

export interface AvatarProps extends Omit<ComponentProps<"span">, "children"> {
  size?: keyof typeof SIZES | null;
  shape?: keyof typeof SHAPES | null;
  /** Person or organisation name; used for the initials and the colour. */
  name: string;
  /** Optional picture URL (decorative; the name is shown or announced next to it). */
  src?: string | null;
  /** Expose the name to assistive tech (default: decorative, since the name is usually visible next to it). */
  labelled?: boolean;
}

/** Initials avatar. Server-safe. A caller's className is joined, not merged (cx, decision 040): layout classes only. */
export function Avatar({ name, src, size, shape, labelled = false, className, ...props }: AvatarProps) {
  return (
    <span
      role={labelled ? "img" : undefined}
      aria-label={labelled ? name : undefined}
      aria-hidden={labelled ? undefined : true}
      className={cx(BASE, SIZES[size ?? "md"], SHAPES[shape ?? "circle"], tintOf(name), className)}
      {...props}
    >
      {initialsOf(name)}
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- tiny avatar, no optimisation needed
        <img src={src} alt="" className="absolute inset-0 size-full object-cover" />
      ) : null}
    </span>
  );
}
