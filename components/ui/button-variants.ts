/**
 * The button's classes, apart from the component (and its tailwind-merge, radix Slot and spinner): a client
 * component on a persona's first page styles a plain <button> with them (decision 040). A plain join of maps, not
 * class-variance-authority, which would be in a main page's first JavaScript for this alone (decision 049). The
 * link variant's extra `h-auto px-0` overrides the size only through `Button`'s `cn`.
 */
const BASE =
  "focus-ring inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md font-medium select-none transition-colors disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 [&_svg]:pointer-events-none [&_svg]:shrink-0";

const VARIANTS = {
  default: "bg-primary text-primary-foreground shadow-xs hover:bg-primary-hover",
  secondary: "bg-secondary text-secondary-foreground hover:bg-secondary-hover",
  outline: "border border-border bg-card text-foreground shadow-xs hover:bg-accent",
  ghost: "text-foreground hover:bg-accent",
  destructive: "bg-danger text-danger-foreground shadow-xs hover:bg-danger-hover",
  link: "rounded-sm text-primary underline-offset-4 hover:underline",
} as const;

const SIZES = {
  // Each size sets its own gap and icon size (none in the base): the classes never set a thing twice, so a plain
  // join (cx) gives the same as tailwind-merge (tests/unit/first-load-js.test.ts).
  xs: "h-7 gap-1.5 px-2 text-xs [&_svg:not([class*='size-'])]:size-3.5",
  sm: "h-8 gap-1.5 px-3 text-[0.8125rem] [&_svg:not([class*='size-'])]:size-4",
  default: "h-9 gap-2 px-3.5 text-sm [&_svg:not([class*='size-'])]:size-4",
  lg: "h-10 gap-2 px-5 text-sm [&_svg:not([class*='size-'])]:size-4",
  icon: "size-9 gap-2 [&_svg:not([class*='size-'])]:size-4",
  "icon-sm": "size-8 gap-2 [&_svg:not([class*='size-'])]:size-4",
  "icon-xs": "size-7 gap-2 [&_svg:not([class*='size-'])]:size-3.5",
} as const;

export interface ButtonVariantProps {
  variant?: keyof typeof VARIANTS | null;
  size?: keyof typeof SIZES | null;
}

export function buttonVariants({ variant, size }: ButtonVariantProps = {}): string {
  const classes = `${BASE} ${VARIANTS[variant ?? "default"]} ${SIZES[size ?? "default"]}`;
  // Links keep text metrics whatever the size: last, so that Button's tailwind-merge lets them win.
  return variant === "link" ? `${classes} h-auto px-0` : classes;
}
