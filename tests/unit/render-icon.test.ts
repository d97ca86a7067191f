import { createElement, forwardRef, isValidElement, lazy, memo, type ReactElement, type SVGProps } from "react";
import { describe, expect, it } from "vitest";
import { renderIcon } from "@/components/ui/render-icon";

const Plain = (props: SVGProps<SVGSVGElement>) => createElement("svg", props);
const Forwarded = forwardRef<SVGSVGElement>(function Forwarded(props, ref) {
  return createElement("svg", { ...props, ref });
});

describe("renderIcon", () => {
  it("renders a component (function, forwardRef like lucide's, memo) as a decorative element", () => {
    for (const icon of [Plain, Forwarded, memo(Plain)]) {
      const out = renderIcon(icon, "size-4") as ReactElement<{ "aria-hidden": string; className: string }>;
      expect(isValidElement(out)).toBe(true);
      expect(out.type).toBe(icon);
      expect(out.props).toMatchObject({ "aria-hidden": "true", className: "size-4" });
    }
  });

  it("passes an element through unchanged", () => {
    const element = createElement(Plain, { "aria-hidden": true });
    expect(renderIcon(element)).toBe(element);
  });

  // An element the server rendered can reach a client component as a lazy reference (the RSC payload points at
  // an element it sent before, e.g. the nav given to both the sidebar and the drawer button). Taken for a
  // component, it became `<Lazy />`, and React failed the whole frame with "Lazy element type must resolve to a
  // class or function" (decision 049).
  it("passes a lazy reference through as a node, never as a component", () => {
    const reference = lazy(async () => ({ default: Plain }));
    expect(renderIcon(reference)).toBe(reference);
  });
});
