// docs/relay.md, "Security": a signed-in user's plan limits their tickers. An ES module
// (top-level await). Type-checked, not run.
import type { IncomingMessage } from 'node:http';

declare const sessionUser: (
  request: IncomingMessage,
) => Promise<{ readonly id: string; readonly plan: 'basic' | 'pro' } | undefined>;

// snippet:start relay-security
import { startRelay } from 'marketprophit-rx/relay';

/** The tickers each plan covers. */
const PLANS = { basic: ['AAPL', 'MSFT', 'TSLA'], pro: 'every ticker' } as const;

const relay = await startRelay({
  upstream: { apiKey: process.env.MARKETPROPHIT_API_KEY },
  host: '0.0.0.0',
  secret: process.env.RELAY_SECRET,
  trustProxy: 1, // one reverse proxy in front of the relay, which appends to X-Forwarded-For
  origins: ['https://app.example.com'], // pages of another origin that POST /jwt (default: none)
  // At POST /jwt: who gets a token, and the claims it carries (JSON, at most 4 KiB).
  authorize: async (request) => {
    const user = await sessionUser(request); // your sign-in: a session cookie, say
    return user === undefined ? false : { sub: user.id, plan: user.plan };
  },
  // At each subscribe: the claims of the socket's token, typed as authorize returned them.
  entitle: (claims, { params }) => {
    const covered = PLANS[claims?.plan ?? 'basic'];
    if (covered === 'every ticker') return true;
    const { ticker } = params; // undefined: every ticker
    if (ticker !== undefined && covered.some((name) => name === ticker)) return true;
    return { refuse: `Your plan covers ${covered.join(', ')}: upgrade for ${ticker ?? 'every ticker'}` };
  },
});
// snippet:end relay-security
void relay;
