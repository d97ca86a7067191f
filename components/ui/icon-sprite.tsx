import type { LucideIcon } from "lucide-react";

/**
 * Icons a list repeats on every row, drawn once per page: IconSprite holds each lucide icon under an id, and a
 * row's SpriteIcon points at it with <use> (about 60 bytes instead of about 500 of paths, in the HTML and again in
 * the RSC payload). Render one IconSprite per page, next to the list; the ids are page-wide.
 */
export function IconSprite({ icons }: { icons: Record<string, LucideIcon> }) {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      <defs>
        {Object.entries(icons).map(([id, Icon]) => <Icon key={id} id={`icon-${id}`} />)}
      </defs>
    </svg>
  );
}

/** One of the page's IconSprite icons; sized by the caller (a class, or a descendant selector on the list). */
export function SpriteIcon({ id, className = "i" }: { id: string; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className}>
      <use href={`#icon-${id}`} />
    </svg>
  );
}
