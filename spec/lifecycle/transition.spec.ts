import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectionError } from '../../lib/errors/connection-error';
import { TokenError } from '../../lib/errors/token-error';
import { Subscription } from 'rxjs';
import { createLifecycleRuntime } from '../../lib/lifecycle/lifecycle-runtime';
import { defaultPolicy, resolvePolicy } from '../../lib/lifecycle/policy';
import { isTransient } from '../../lib/lifecycle/transient';
import {
  type Lifecycle,
  type LifecycleEvent,
  initialLifecycle,
  transition,
} from '../../lib/lifecycle/transition';

/** Backoff of `attempt × 1000` ms, no jitter; three tries; healthy after 10 s. */
const policy = resolvePolicy('spec', {
  retryWait: (attempt) => attempt * 1_000,
  retryAttempts: 3,
  healthyAfter: 10_000,
});

/** Runs events at the given times from `start`; returns every transition. */
/** The lifecycle of a client whose socket 1 is open. */
const opened: Lifecycle = { ...initialLifecycle, socket: 1 };

const run = (events: readonly (readonly [number, LifecycleEvent])[], start: Lifecycle = opened) => {
  let current = start;
  return events.map(([at, event]) => {
    const result = transition(policy, current, event, at);
    current = result.next;
    return result;
  });
};

/** Socket 1 connected at 0, no failures. */
const UP: Lifecycle = { state: 'connected', failures: 0, connectedAt: 0, socket: 1, socketUp: true };

const serverHangUp: LifecycleEvent = { type: 'disconnected', socket: 1, reason: 'io server disconnect' };
const unavailable = TokenError.fromStatus(503, 'Service Unavailable');
const connectFailed: LifecycleEvent = {
  type: 'connect-failed',
  socket: 1,
  error: new ConnectionError('connect_failed', 'Could not connect: ECONNREFUSED'),
};

describe('transition: a relay whose upstream fails', () => {
  it('shows an upstream problem while connected, counts no failure, and clears it when upstream heals', () => {
    const [failing, healed, again] = run(
      [
        [100, { type: 'upstream-failing', socket: 1, message: 'Upstream: HTTP 503', retryIn: 2000 }],
        [200, { type: 'upstream-healed', socket: 1 }],
        [300, { type: 'upstream-healed', socket: 1 }],
      ],
      UP,
    );
    expect(failing?.next).toEqual({
      ...UP,
      problem: { kind: 'upstream', message: 'Upstream: HTTP 503', attempt: 1, retryIn: 2000, at: 100 },
    });
    expect(failing?.problem).toBe(failing?.next.problem);
    expect(failing?.effect).toEqual({ type: 'none' });
    expect(healed?.next).toEqual(UP);
    expect(healed?.problem).toBeUndefined();
    expect(again?.next).toEqual(UP);
  });

  it('leaves a problem of its own connection alone when upstream heals', () => {
    const [lost, healed] = run(
      [
        [100, serverHangUp],
        [150, { type: 'upstream-healed', socket: 1 }],
      ],
      UP,
    );
    expect(healed?.next).toBe(lost?.next);
  });
});

describe('transition: the states state$ shows', () => {
  it('goes idle → authenticating → connecting → connected, and idle when stopped', () => {
    const states = run([
      [0, { type: 'started' }],
      [0, { type: 'token-requested' }],
      [5, { type: 'socket-opening', socket: 1 }],
      [7, { type: 'connected', socket: 1 }],
      [9, { type: 'stopped' }],
    ]).map(({ next }) => next.state);
    expect(states).toEqual(['idle', 'authenticating', 'connecting', 'connected', 'idle']);
  });

  it('stays connected through a rotation: a refresh and the new socket are no news', () => {
    const states = run(
      [
        [100, { type: 'token-requested' }],
        [101, { type: 'socket-opening', socket: 2 }],
        [102, { type: 'connected', socket: 2 }],
      ],
      UP,
    ).map(({ next }) => next.state);
    expect(states).toEqual(['connected', 'connected', 'connected']);
  });

  it('keeps `failed` and its reason when the streams stop, and starts over on the next start', () => {
    const [failed, stopped, started] = run([
      [0, { type: 'token-failed', error: TokenError.fromStatus(401, 'bad key') }],
      [0, { type: 'stopped' }],
      [5, { type: 'started' }],
    ]);
    expect(failed?.next).toMatchObject({ state: 'failed', problem: { kind: 'token', attempt: 1 } });
    expect(failed?.effect).toMatchObject({ type: 'fail', error: { code: 'unauthorized' } });
    expect(stopped?.next.state).toBe('failed');
    expect(stopped?.next.problem?.message).toMatch(/HTTP 401/);
    expect(started?.next).toEqual({ state: 'idle', failures: 0 });
  });
});

describe('transition: failures, backoff and giving up', () => {
  it('grows the wait for failures of any kind in a row, then gives up with the last error', () => {
    const results = run([
      [0, { type: 'token-failed', error: unavailable }],
      [1_000, { type: 'handshake-refused', socket: 1, error: new Error('jwt expired') }],
      [2_000, connectFailed],
      [5_000, connectFailed],
    ]);
    expect(results.map(({ effect }) => effect)).toEqual([
      { type: 'fetch-token', after: 1_000 },
      { type: 'fetch-token', after: 1_000 }, // a refusal after other failures backs off too
      { type: 'reconnect', socket: 1, after: 3_000 },
      {
        type: 'fail',
        stream: 'connection',
        error: expect.objectContaining({ name: 'ConnectionError', code: 'connect_failed' }),
      },
    ]);
    expect(results.map(({ next }) => next.state)).toEqual([
      'authenticating',
      'authenticating',
      'reconnecting',
      'failed',
    ]);
    expect(results.map(({ problem }) => [problem?.kind, problem?.attempt, problem?.retryIn])).toEqual([
      ['token', 1, 1_000],
      ['handshake', 2, 1_000],
      ['connect', 3, 3_000],
      ['connect', 4, undefined],
    ]);
  });

  it('answers the first refused handshake at once (an expired token) and gives up with TokenError rejected', () => {
    const refused: LifecycleEvent = {
      type: 'handshake-refused',
      socket: 1,
      error: new Error('invalid token'),
    };
    const effects = run([
      [0, refused],
      [0, refused],
      [1_000, refused],
      [3_000, refused],
    ]).map(({ effect }) => effect);
    expect(effects).toEqual([
      { type: 'new-token' },
      { type: 'fetch-token', after: 1_000 },
      { type: 'fetch-token', after: 2_000 },
      {
        type: 'fail',
        stream: 'connection',
        error: expect.objectContaining({
          name: 'TokenError',
          code: 'rejected',
          message: expect.stringMatching(/4 tokens in a row/),
        }),
      },
    ]);
  });

  it('counts a server that hangs up soon after every connect: the wait grows, no reset on connect', () => {
    const results = run([
      [0, { type: 'connected', socket: 1 }],
      [100, serverHangUp],
      [1_100, { type: 'connected', socket: 1 }],
      [1_200, serverHangUp],
      [3_200, { type: 'connected', socket: 1 }],
      [3_300, serverHangUp],
    ]);
    expect(results.filter(({ problem }) => problem).map(({ effect }) => effect)).toEqual([
      { type: 'reconnect', socket: 1, after: 1_000 },
      { type: 'reconnect', socket: 1, after: 2_000 },
      { type: 'reconnect', socket: 1, after: 3_000 },
    ]);
  });

  it('starts counting again after a connection that stayed up for healthyAfter', () => {
    const results = run([
      [0, { type: 'connected', socket: 1 }],
      [100, serverHangUp],
      [1_100, { type: 'connected', socket: 1 }],
      [11_100, serverHangUp], // up for exactly healthyAfter
    ]);
    expect(results[3]?.effect).toEqual({ type: 'reconnect', socket: 1, after: 1_000 });
    expect(results[3]?.problem?.attempt).toBe(1);
  });

  it('fails at once on a protocol mismatch, and never on a disconnect we asked for', () => {
    const mismatch = new ConnectionError('protocol_mismatch', 'socket.io 2 server');
    const [failed] = run([[0, { type: 'protocol-mismatch', socket: 1, error: mismatch }]]);
    expect(failed?.effect).toEqual({ type: 'fail', stream: 'connection', error: mismatch });
    const [ours] = run([[5, { type: 'disconnected', socket: 1, reason: 'io client disconnect' }]], UP);
    expect(ours).toEqual({ next: UP, effect: { type: 'none' } });
  });

  it('shows `failed` exactly when it gives up: a protocol mismatch a custom table retries is `reconnecting`', () => {
    const lenient = resolvePolicy('spec', {
      retryWait: () => 500,
      transient: { ConnectionError: { protocol_mismatch: true } },
    });
    const mismatch = new ConnectionError('protocol_mismatch', 'socket.io 2 server');
    const { next, effect } = transition(
      lenient,
      opened,
      { type: 'protocol-mismatch', socket: 1, error: mismatch },
      0,
    );
    expect(effect).toEqual({ type: 'reconnect', socket: 1, after: 500 });
    expect(next.state).toBe('reconnecting');
  });

  it('takes the wait after a refused token from the policy (refusedTokenWait)', () => {
    const patient = resolvePolicy('spec', { refusedTokenWait: (attempt) => attempt * 7 });
    const refused: LifecycleEvent = {
      type: 'handshake-refused',
      socket: 1,
      error: new Error('invalid token'),
    };
    expect(transition(patient, opened, refused, 0).effect).toEqual({ type: 'fetch-token', after: 7 });
  });

  it('clears the problem once connected, and reports a lost transport as reconnecting', () => {
    const [lost, back] = run([
      [0, { type: 'disconnected', socket: 1, reason: 'transport close' }],
      [1_000, { type: 'connected', socket: 1 }],
    ]);
    expect(lost?.next).toMatchObject({
      state: 'reconnecting',
      problem: { kind: 'disconnect', message: 'The connection was lost (transport close)' },
    });
    expect(back?.next).toMatchObject({
      state: 'connected',
      failures: 1,
      connectedAt: 1_000,
      socket: 1,
      socketUp: true,
    });
    expect(back?.next.problem).toBeUndefined();
  });
});

describe('policy', () => {
  it('refreshes at refreshEvery, or a minute before exp, but keeps a token at least a second', () => {
    const { refreshIn } = policy;
    expect(refreshIn({ fetchedAt: 0 }, policy)).toBe(policy.refreshEvery);
    expect(refreshIn({ fetchedAt: 0, expiresAt: 3_600_000 }, policy)).toBe(3_540_000);
    expect(refreshIn({ fetchedAt: 0, expiresAt: 30_000 }, policy)).toBe(1_000);
  });

  it('takes a new refresh rule as one function: at 80 % of the lifetime', () => {
    const eighty = resolvePolicy('spec', {
      refreshIn: ({ fetchedAt, expiresAt }, { refreshEvery }) =>
        expiresAt === undefined ? refreshEvery : 0.8 * (expiresAt - fetchedAt),
    });
    expect(eighty.refreshIn({ fetchedAt: 0, expiresAt: 100_000 }, eighty)).toBe(80_000);
  });

  it.each([
    'refreshEvery',
    'tokenTimeout',
    'connectTimeout',
    'healthyAfter',
    'refusedFor',
    'ackTimeout',
    'rotationGrace',
  ] as const)('refuses a %s that is not a positive number', (field) => {
    for (const value of [0, -1, NaN, Infinity]) {
      expect(() => resolvePolicy('createClient', { [field]: value })).toThrow(
        `createClient: \`${field}\` must be a positive number, got ${value}`,
      );
    }
  });

  it.each(['retryAttempts', 'linger'] as const)('takes a %s of 0, refuses one below or NaN', (field) => {
    expect(resolvePolicy('spec', { [field]: 0 })[field]).toBe(0);
    for (const value of [-1, NaN]) {
      expect(() => resolvePolicy('spec', { [field]: value })).toThrow(`spec: \`${field}\` must be 0 or more`);
    }
  });

  it.each(['refreshIn', 'retryWait', 'refusedTokenWait'] as const)(
    'refuses a %s that is not a function',
    (field) => {
      expect(() => resolvePolicy('spec', { [field]: 5 as never })).toThrow(
        new TypeError(`spec: \`${field}\` must be a function, got number`),
      );
    },
  );

  it('takes the transient table row by row, and reads an error by its name and code (a second copy: spec/errors/guards)', () => {
    const custom = resolvePolicy('spec', { transient: { TokenError: { forbidden: true } } });
    expect(custom.transient.TokenError).toEqual({ ...defaultPolicy.transient.TokenError, forbidden: true });
    expect(custom.transient.ConnectionError).toEqual(defaultPolicy.transient.ConnectionError);
    expect(isTransient(defaultPolicy.transient, new TokenError('unauthorized', 'key refused', 401))).toBe(
      false,
    );
    expect(isTransient(custom.transient, new TokenError('forbidden', 'no', 403))).toBe(true);
    const unknownCode = new TokenError('toString' as never, '?');
    expect(isTransient(defaultPolicy.transient, unknownCode)).toBe(false);
  });

  it('treats network failures, timeouts and 5xx as transient, 401 and protocol mismatches as permanent', () => {
    const retried = (error: unknown) => isTransient(policy.transient, error);
    expect(retried(unavailable)).toBe(true);
    expect(retried(new TokenError('timeout', 'slow'))).toBe(true);
    expect(retried(TokenError.fromStatus(401, ''))).toBe(false);
    expect(retried(new ConnectionError('protocol_mismatch', ''))).toBe(false);
    expect(retried(new Error('anything else'))).toBe(true);
  });
});

describe('transition: crashes', () => {
  it('reports an unexpected error as failed once, whatever was thrown', () => {
    const [crashed, again] = run([
      [0, { type: 'crashed', error: 'socket factory blew up' }],
      [1, { type: 'crashed', error: new Error('second') }],
    ]);
    expect(crashed?.next).toMatchObject({
      state: 'failed',
      problem: { kind: 'connect', message: 'socket factory blew up', attempt: 1 },
    });
    expect(again?.next).toBe(crashed?.next);
    expect(() => resolvePolicy('createClient', { retryAttempts: -1 })).toThrow(/retryAttempts/);
  });
});

describe('createLifecycleRuntime', () => {
  it('shows the problem in status$ while not connected, once per change, and every failure in problems$', () => {
    const runtime = createLifecycleRuntime(policy, { now: () => 0, schedule: () => new Subscription() });
    const statuses: unknown[] = [];
    const problems: unknown[] = [];
    runtime.status$.subscribe((status) => statuses.push(status));
    runtime.problems$.subscribe((problem) => problems.push(problem.kind));
    runtime.dispatch({ type: 'started' });
    runtime.dispatch({ type: 'token-requested' });
    runtime.dispatch({ type: 'token-requested' });
    const effect = runtime.dispatch({ type: 'token-failed', error: unavailable });
    runtime.dispatch({ type: 'socket-opening', socket: 1 });
    runtime.dispatch({ type: 'connected', socket: 1 });
    expect(effect).toEqual({ type: 'fetch-token', after: 1_000 });
    expect(statuses).toEqual([
      { state: 'idle' },
      { state: 'authenticating' },
      { state: 'authenticating', problem: expect.objectContaining({ kind: 'token', retryIn: 1_000 }) },
      { state: 'connecting', problem: expect.objectContaining({ kind: 'token' }) },
      { state: 'connected' },
    ]);
    expect(problems).toEqual(['token']);
  });
});

describe('transition: rotation, handover and linger', () => {
  it('takes a new token’s socket opened while the newest is up as a rotation, and hands over once it is ready', () => {
    const [opening, connected, ready, again] = run(
      [
        [100, { type: 'socket-opening', socket: 2 }],
        [150, { type: 'connected', socket: 2 }],
        [180, { type: 'handover-ready', socket: 2 }],
        [190, { type: 'handover-ready', socket: 2 }],
      ],
      UP,
    );
    expect(opening?.next).toMatchObject({ state: 'connected', socket: 2, socketUp: false, previous: 1 });
    expect(opening?.effect).toEqual({ type: 'connect-deadline', socket: 2, after: policy.connectTimeout });
    expect(connected?.effect).toEqual({ type: 'handover-deadline', socket: 2, after: policy.ackTimeout });
    expect(ready?.effect).toEqual({ type: 'close-previous', socket: 2 });
    expect(ready?.next.previous).toBeUndefined();
    expect(again?.effect).toEqual({ type: 'none' });
  });

  it('is not a rotation when the newest socket is down: connecting, and the older still closes at the handover', () => {
    const down: Lifecycle = { state: 'reconnecting', failures: 1, socket: 1 };
    const [opening, connected] = run(
      [
        [0, { type: 'socket-opening', socket: 2 }],
        [5, { type: 'connected', socket: 2 }],
      ],
      down,
    );
    expect(opening?.next).toMatchObject({ state: 'connecting', previous: 1 });
    expect(connected?.effect).toMatchObject({ type: 'handover-deadline', socket: 2 });
  });

  it('hears only the newest socket: an older one’s failures are no news', () => {
    const rotating: Lifecycle = { ...UP, socket: 2, socketUp: false, previous: 1 };
    const [lost, refused] = run(
      [
        [0, { type: 'disconnected', socket: 1, reason: 'transport close' }],
        [1, { type: 'handshake-refused', socket: 1, error: new Error('jwt expired') }],
      ],
      rotating,
    );
    expect(lost).toEqual({ next: rotating, effect: { type: 'none' } });
    expect(refused).toEqual({ next: rotating, effect: { type: 'none' } });
  });

  it('lingers for policy.linger once released; a failure meanwhile stops it, with no problem and no retry', () => {
    const [released, due, lost] = run(
      [
        [0, { type: 'released' }],
        [10, { type: 'connect-due', socket: 1 }],
        [20, serverHangUp],
      ],
      UP,
    );
    expect(released?.effect).toEqual({ type: 'linger', after: policy.linger });
    expect(due).toEqual({ next: released?.next, effect: { type: 'stop' } });
    expect(lost).toEqual({ next: released?.next, effect: { type: 'stop' } });
    const [retained, back] = run(
      [
        [30, { type: 'retained' }],
        [40, serverHangUp],
      ],
      released?.next,
    );
    expect(retained?.next).toEqual({ ...UP, lingering: false });
    expect(back?.effect).toEqual({ type: 'reconnect', socket: 1, after: 1_000 });
  });

  it('connects again when the wait is over, within connectTimeout', () => {
    const [due] = run([[0, { type: 'connect-due', socket: 1 }]]);
    expect(due?.effect).toEqual({ type: 'connect', socket: 1, within: policy.connectTimeout });
  });

  it('plans the next token by the policy (refreshIn) when one comes', () => {
    const [received] = run([[1_000, { type: 'token-received', expiresAt: 1_000 + 3_600_000 }]]);
    expect(received?.effect).toEqual({ type: 'fetch-token', after: 3_600_000 - 60_000 });
  });
});

describe('the transition table', () => {
  /** The rows of the first Markdown table in `text` after `heading` (or in the whole text). */
  const tableRows = (text: string): string[] =>
    text
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim())
          .join(' | '),
      );

  it('is the same in transition.ts and docs/architecture.md, and names every event and effect', () => {
    const source = readFileSync(join(__dirname, '../../lib/lifecycle/transition.ts'), 'utf8');
    const comment = source.slice(source.indexOf('| state'), source.indexOf('export const transition'));
    const docs = readFileSync(join(__dirname, '../../docs/architecture.md'), 'utf8');
    const section = docs.slice(docs.indexOf('| state'));
    const fromCode = tableRows(comment);
    expect(tableRows(section).slice(0, fromCode.length)).toEqual(fromCode);
    const events = new Set(
      [...source.matchAll(/readonly type: '([a-z-]+)'/g)]
        .map(([, type]) => type)
        .filter((type) => type !== undefined && type !== 'none'), // 'none' is '—'
    );
    const table = fromCode.join('\n');
    for (const type of events) expect(table).toContain(type);
  });
});
