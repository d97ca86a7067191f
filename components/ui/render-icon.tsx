import { isValidElement, type ComponentType, type ReactNode, type SVGProps } from "react";

/** An icon given as a component (e.g. a lucide icon: `icon={Users}`) or as an element (`icon={<Users />}`). */
export type IconLike = ComponentType<SVGProps<SVGSVGElement>> | ReactNode;

const FORWARD_REF = Symbol.for("react.forward_ref");
const MEMO = Symbol.for("react.memo");

function isComponent(icon: unknown): icon is ComponentType<SVGProps<SVGSVGElement>> {
  // Function components, or forwardRef/memo objects (lucide icons are forwardRef objects). Only those: an element
  // from the server can arrive as a lazy reference (an object with a $$typeof that is not an element, when the RSC
  // payload refers to an element it already sent), and that is a node to render, not a component.
  if (typeof icon === "function") return true;
  if (typeof icon !== "object" || icon === null || isValidElement(icon)) return false;
  const kind = (icon as { $$typeof?: unknown }).$$typeof;
  return kind === FORWARD_REF || kind === MEMO;
}

/** Render an IconLike as a decorative icon. */
export function renderIcon(icon: IconLike, className?: string): ReactNode {
  if (isComponent(icon)) {
    const Icon = icon;
    return <Icon aria-hidden="true" className={className} />;
  }
  return icon as ReactNode;
}
