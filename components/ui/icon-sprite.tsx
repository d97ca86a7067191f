import { useId, type ReactNode } from "react";
import type { LucideIcon } from "lucide-react";

/** A list's icons drawn once: render `sprite` once (before the list), and `icon(name)` wherever a row shows one. */
export interface RowIcons<N extends string> {
  sprite: ReactNode;
  icon: (name: N, className?: string) => ReactNode;
}

/**
 * Icons a list repeats on every row, drawn once as <symbol>s: a row's icon is a `<use>` of one (about 60 bytes
 * instead of 400 to 600 of paths, in the HTML and, from a server component, again in the RSC payload). The symbols'
 * ids start with `prefix`, which must be unique on the page: a client list takes useId's (useIconSprite); a server
 * page cannot call hooks in its async body, so it names its own (short: every row repeats it).
 */
export function iconSprite<N extends string>(prefix: string, icons: Record<N, LucideIcon>): RowIcons<N> {
  const ref = (name: string) => `${prefix}-${name}`;
  return {
    sprite: (
      // Not display:none: a hidden sprite's symbols are not drawn where they are used in every browser.
      <svg aria-hidden="true" className="absolute size-0 overflow-hidden">
        {(Object.entries(icons) as [N, LucideIcon][]).map(([name, Icon]) => (
          <symbol key={name} id={ref(name)} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        ))}
      </svg>
    ),
    icon: (name, className) => (
      <svg aria-hidden="true" className={className}>
        <use href={`#${ref(name)}`} />
      </svg>
    ),
  };
}

/** iconSprite for a client list, with ids of its own: two lists on one page never point at each other's icons. */
export function useIconSprite<N extends string>(icons: Record<N, LucideIcon>): RowIcons<N> {
  return iconSprite(useId(), icons);
}
