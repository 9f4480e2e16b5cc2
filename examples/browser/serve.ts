// The browser example. Run: npm run build && npx tsx examples/browser/serve.ts, then open the url.
// PORT picks the port (default 8080; 0 for any free one).
import { startExampleServer } from './example-server';

const port = Number(process.env['PORT'] ?? 8080);

startExampleServer({ port }).then(
  ({ url, close }) => {
    console.log(`browser example listening on ${url}`);
    const stop = () => void close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
