import type { HttpBindings } from "@hono/node-server";
import type { TokenSubject } from "../tokens";

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    /** Set by the fault middleware: issue a token that is dead on arrival. */
    expireIssuedToken?: boolean;
    /** Set by the fault middleware: serve half a page with a cursor that still continues correctly. */
    truncatePage?: boolean;
    /** Set by the fault middleware: one entry of the page carries a `time` that is not a date-time. */
    badEntry?: boolean;
    subject?: TokenSubject;
  };
}
