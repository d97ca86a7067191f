import { NextResponse, type NextRequest } from "next/server";
import { createNonce, perRequestSecurityHeaders, securityHeaderSettingsFromEnv } from "@/lib/config/security-headers";

// 1. Security headers: a fresh CSP nonce per request (the Next.js CSP guide's way). The CSP goes on the
//    request too, where Next.js reads the nonce and puts it on its own scripts; on the response for the browser.
// 2. A cheap first gate: no session cookie at all → the sign-in page. Whether the session is valid, and what
//    the person may see, is decided on the server by every page and action (lib/server/authz).
const PUBLIC = ["/sign-in", "/api/auth", "/api/health"];

export function proxy(req: NextRequest) {
  const nonce = createNonce();
  const security = perRequestSecurityHeaders(nonce, securityHeaderSettingsFromEnv());
  const response = gate(req, security["Content-Security-Policy"]!);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

function gate(req: NextRequest, csp: string): NextResponse {
  const { pathname } = req.nextUrl;
  const hasSession = req.cookies.has("authjs.session-token") || req.cookies.has("__Secure-authjs.session-token");
  if (hasSession || PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  const url = req.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  return NextResponse.redirect(url);
}

// Not for Next.js' own assets nor the static files of public/ (favicon.ico, robots.txt): they are the same for
// everyone, signed in or not (a crawler has no session, and robots.txt must reach it, not the sign-in page).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon\\.ico$|robots\\.txt$|.*\\.(?:svg|png|ico)$).*)"] };
