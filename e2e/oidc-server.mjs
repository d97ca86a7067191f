/**
 * A throw-away OpenID Provider for the browser tests (oidc-provider, development interactions).
 *
 * Any login with any password is accepted: the login becomes the account id, and its e-mail is the login
 * itself when it contains "@", else `<login>@oidc.test`. A login of the form `unverified:<email>` asserts that
 * address with `email_verified: false` (a provider that lets anyone claim any address). Whether that person
 * may enter the portal is the portal's decision (invited, verified e-mails only), which the OIDC specs check.
 *
 * Env: OIDC_PORT (default 4499), E2E_PORT (the portal's port, default 3100), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET.
 * Listens on 127.0.0.1 only. Not for anything but tests.
 */
import { createServer } from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 4499);
const appPort = Number(process.env.E2E_PORT ?? 3100);
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.OIDC_CLIENT_ID ?? "portal-e2e";
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? "portal-e2e-secret-0123456789abcdef";

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`http://localhost:${appPort}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  // Auth.js reads the profile from the ID token; without this, email/name would only be in /userinfo.
  conformIdTokenClaims: false,
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["e2e-only-cookie-key-not-a-secret"] },
  async findAccount(_ctx, id) {
    const unverified = id.startsWith("unverified:");
    const login = unverified ? id.slice("unverified:".length) : id;
    const email = login.includes("@") ? login : `${login}@oidc.test`;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email, email_verified: !unverified, name: email.split("@")[0] };
      },
    };
  },
});

const server = createServer(provider.callback());
server.listen(port, "127.0.0.1", () => {
  console.log(`[oidc] test provider ${issuer} (client ${clientId} → http://localhost:${appPort}/api/auth/callback/oidc)`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive connections from the browser would hold close() open
  });
}
