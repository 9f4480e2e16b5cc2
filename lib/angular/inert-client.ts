import { NEVER, of, throwError } from 'rxjs';
import type { MarketProphitClient } from '../client/create-client';
import type { ClientStatus } from '../lifecycle/client-state';

/** What the server platform (SSR) gets: a client that fetches and opens nothing, and stays `idle`. */
export const inertClient = (): MarketProphitClient => {
  const idle: ClientStatus = { state: 'idle' };
  return {
    subscribe$: (() => NEVER) as MarketProphitClient['subscribe$'],
    // Historical requests on the server would need the key there; a server render does not make them.
    history$: (() =>
      throwError(
        () => new Error('marketprophit-rx/angular: history$ is not available while rendering on the server'),
      )) as MarketProphitClient['history$'],
    state$: of(idle.state),
    status$: of(idle),
    problems$: NEVER,
    token$: NEVER,
    connection$: NEVER,
    unroutable$: NEVER,
    close: () => undefined,
  };
};
