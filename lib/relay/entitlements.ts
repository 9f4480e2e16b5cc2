import type { Topic } from '../front/subscription-request';
import type { RelayClaims } from './access-control';

/** The topic a downstream `subscribe` asks for, as `entitle` sees it. */
export interface EntitledTopic {
  /** The catalogue path (`/real-time/crowd-sentiment`), however the client spelt it. */
  readonly path: string;
  /** `{}` for every ticker, or `{ ticker }`. */
  readonly params: { readonly ticker?: string };
}

/** `entitle`'s answer: `true` allows, `false` refuses, `{ refuse }` refuses with that ack error. */
export type Entitlement = boolean | { readonly refuse: string };

/**
 * Decides each downstream `subscribe` from the claims in the socket's relay token (`undefined` when
 * `authorize` answered `true`). Sync or async; bounded by `entitleTimeout`.
 */
export type Entitle<Claims extends RelayClaims> = (
  claims: Claims | undefined,
  topic: EntitledTopic,
) => Entitlement | Promise<Entitlement>;

/**
 * How long `entitle` may take on one `subscribe`, in ms, before it counts as a refusal.
 * @default 2000
 */
export const DEFAULT_ENTITLE_TIMEOUT = 2000;

/** The ack error of a hook that threw, timed out or answered garbage: its details go to `onProblem`. */
export const ENTITLEMENT_FAILED = 'Entitlement check failed';

/** Longest refusal message sent to a client; a longer one is cut. */
const MAX_REFUSAL_LENGTH = 300;

/** The ack error of `entitle`'s `false`. */
export const notEntitledMessage = (topic: Topic): string =>
  `Not entitled to ${topic.path} ${topic.ticker === undefined ? 'for every ticker' : `for ${topic.ticker}`}`;

const isThenable = (u: unknown): u is PromiseLike<unknown> =>
  typeof u === 'object' && u !== null && typeof (u as { then?: unknown }).then === 'function';

/** A `subscribe` check: `null` allows, a string is the ack error; sync when the hook answers sync. */
export type SubscribeCheck = (claims: unknown, topic: Topic) => string | null | Promise<string | null>;

export interface EntitlementOptions<Claims extends RelayClaims> {
  readonly entitle: Entitle<Claims>;
  readonly timeout: number;
  /** A hook that threw, timed out or answered garbage (for logs). */
  readonly onFailure: (topic: Topic, error: unknown) => void;
}

/**
 * `entitle` as the front asks it: its answer as an ack error or `null`, its failures (a throw, a
 * rejection, no answer within `timeout`, an answer that is none of {@link Entitlement}) a refusal with a
 * generic message, never a crash.
 */
export const createEntitlementCheck = <Claims extends RelayClaims>({
  entitle,
  timeout,
  onFailure,
}: EntitlementOptions<Claims>): SubscribeCheck => {
  const verdict = (topic: Topic, answer: unknown): string | null => {
    if (answer === true) return null;
    if (answer === false) return notEntitledMessage(topic);
    const refuse =
      typeof answer === 'object' && answer !== null ? (answer as { refuse?: unknown }).refuse : undefined;
    if (typeof refuse === 'string' && refuse !== '') return refuse.slice(0, MAX_REFUSAL_LENGTH);
    onFailure(topic, new TypeError('entitle must answer true, false or { refuse: message }'));
    return ENTITLEMENT_FAILED;
  };
  const failed = (topic: Topic, error: unknown): string => {
    onFailure(topic, error);
    return ENTITLEMENT_FAILED;
  };
  return (claims, topic) => {
    let answer: Entitlement | Promise<Entitlement>;
    try {
      // The claims are the ones authorize gave this token's holder: signed by the relay, checked by the handshake.
      answer = entitle(claims as Claims | undefined, { path: topic.path, params: topic.params });
    } catch (error) {
      return failed(topic, error);
    }
    if (!isThenable(answer)) return verdict(topic, answer);
    const pending = answer;
    return new Promise<string | null>((resolve) => {
      let settled = false;
      const settle = (decide: () => string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(decide());
      };
      const timer = setTimeout(
        () => settle(() => failed(topic, new Error(`entitle gave no answer within ${timeout} ms`))),
        timeout,
      );
      // Promise.resolve: a thenable whose `then` throws is a rejection here, not a throw.
      Promise.resolve(pending).then(
        (value) => settle(() => verdict(topic, value)),
        (error: unknown) => settle(() => failed(topic, error)),
      );
    });
  };
};
