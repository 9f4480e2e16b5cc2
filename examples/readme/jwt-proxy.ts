// The token route for browsers, on node:http. Run: MARKETPROPHIT_API_KEY=… npx tsx examples/readme/jwt-proxy.ts
import { createServer } from 'node:http';
import { createJwtProxy } from 'marketprophit-rx/node';

const apiKey = process.env.MARKETPROPHIT_API_KEY;
if (apiKey === undefined) throw new Error('Set MARKETPROPHIT_API_KEY');

const jwt = createJwtProxy({
  apiKey,
  // Your sign-in check; false answers 403. Omit it and anyone who can reach the route gets a token.
  authorize: (req) => req.headers.cookie?.includes('session=') === true,
});

// With Express or Connect: app.post('/jwt', jwt)
createServer((req, res) => {
  if (req.url === '/jwt') return void jwt(req, res);
  res.statusCode = 404;
  res.end();
}).listen(3000);
