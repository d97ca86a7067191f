import { makeZodJitless } from "@/lib/validation/zod-jitless";

// Runs in the browser before the app's code (Next.js' instrumentation-client convention). Zod 4 probes
// `new Function("")` on first parse to decide whether it may compile fast parsers; the CSP forbids eval
// (docs/decisions/012), so the probe would be reported as a violation on every page that validates a form.
// Jitless parsing is what zod falls back to anyway. Set through zod's global config object, not `z.config`,
// so this file, which runs on every page, does not pull zod into every page's JavaScript.
makeZodJitless();
