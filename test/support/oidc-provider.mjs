// A real OpenID Connect provider (oidc-provider 9) for the single sign-on tests, run as a child process on loopback:
// `node test/support/oidc-provider.mjs` with PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI and ACCOUNTS (JSON: each
// login's claims). Its development login form takes a login naming the account and any password; our client is
// first party, so no consent is asked. Prints "ready" when it listens.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI } = process.env;
const accounts = JSON.parse(process.env.ACCOUNTS ?? '{}');

const provider = new Provider(`http://127.0.0.1:${PORT}`, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  async findAccount(_ctx, sub) {
    const claims = accounts[sub];
    return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  pkce: { required: () => true },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['test-provider-cookie-key'] },
});
// Its warnings about development keys and interactions are expected here.
provider.on('server_error', (_ctx, error) => console.error(error));

createServer(provider.callback()).listen(Number(PORT), '127.0.0.1', () => console.log('ready'));
