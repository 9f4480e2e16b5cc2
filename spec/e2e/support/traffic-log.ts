import type { Page, Request, Response } from 'playwright-core';

/** One thing the page sent or received, as text. */
export interface Sighting {
  readonly where: string;
  readonly text: string;
}

export interface TrafficLog {
  /** Every url, header, body and socket frame the page sent or received so far. */
  readonly sightings: readonly Sighting[];
  /** Every response, in order of arrival. */
  readonly responses: readonly { readonly method: string; readonly url: string; readonly status: number }[];
  /** Waits for the response bodies still being read. */
  settle(): Promise<void>;
}

const describeRequest = (request: Request): Sighting => ({
  where: `request ${request.method()} ${request.url()}`,
  text: [request.url(), JSON.stringify(request.headers()), request.postData() ?? ''].join('\n'),
});

const readResponse = async (response: Response): Promise<Sighting> => {
  const where = `response ${response.status()} ${response.url()}`;
  const headers = JSON.stringify(await response.allHeaders());
  // A redirect has no body to read; every other one must be readable, or the scan would miss it.
  const redirect = response.status() >= 300 && response.status() < 400;
  const body = redirect ? '' : (await response.body()).toString('utf8');
  return { where, text: [response.url(), headers, body].join('\n') };
};

/** Starts recording everything that crosses the page's network boundary, from now on. */
export const recordTraffic = (page: Page): TrafficLog => {
  const sightings: Sighting[] = [];
  const responses: { method: string; url: string; status: number }[] = [];
  const reads: Promise<void>[] = [];

  page.on('request', (request) => sightings.push(describeRequest(request)));
  page.on('response', (response) => {
    responses.push({ method: response.request().method(), url: response.url(), status: response.status() });
    reads.push(
      readResponse(response).then(
        (sighting) => void sightings.push(sighting),
        (error: unknown) =>
          void sightings.push({ where: `unreadable ${response.url()}`, text: String(error) }),
      ),
    );
  });
  page.on('websocket', (socket) => {
    sightings.push({ where: 'websocket url', text: socket.url() });
    socket.on('framereceived', ({ payload }) =>
      sightings.push({ where: 'frame received', text: String(payload) }),
    );
    socket.on('framesent', ({ payload }) => sightings.push({ where: 'frame sent', text: String(payload) }));
  });

  return {
    sightings,
    responses,
    settle: async () => {
      await Promise.all(reads);
    },
  };
};
