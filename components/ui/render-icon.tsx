import { isValidElement, type ComponentType, type ReactNode, type SVGProps } from "react";

/** An icon given as a component (e.g. a lucide icon: `icon={Users}`) or as an element (`icon={<Users />}`). */
export type IconLike = ComponentType<SVGProps<SVGSVGElement>> | ReactNode;

function isComponent(icon: unknown): icon is ComponentType<SVGProps<SVGSVGElement>> {
  // Function components, or forwardRef/memo objects (lucide icons are forwardRef objects).
  return typeof icon === "function" || (typeof icon === "object" && icon !== null && "$$typeof" in icon && !isValidElement(icon));
}

/** Render an IconLike as a decorative icon. */
export function renderIcon(icon: IconLike, className?: string): ReactNode {
  if (isComponent(icon)) {
    const Icon = icon;
    return <Icon aria-hidden="true" className={className} />;
  }
  return icon as ReactNode;
}
