import { describeReason } from '../util/describe-reason';
import type { Report } from './hooks';
import type { Image, Source } from './source';
import {
  callRateMessage,
  createCallMeter,
  type ResolvedLimits,
  subscriptionLimitMessage,
  tokenTopicLimitMessage,
  topicLimitMessage,
} from './limits';
import type { ServerSocket } from './socket-types';
import type { SubscriptionRegistry, TopicEntry } from './subscription-registry';
import { parseRequest, parseSubscription, type Topic, type ValidSubscription } from './subscription-request';
import type { TokenAuthority } from './token-authority';
import type { TokenTopics } from './token-topics';

export interface SocketHandlerDeps {
  readonly authority: TokenAuthority;
  readonly registry: SubscriptionRegistry;
  /** Hears each connect, subscribe, unsubscribe and disconnect. */
  readonly report: Report;
  /** Sends an ack: now when absent (see `FrontHooks.ack`). */
  readonly ack?: (send: () => void) => void;
  readonly limits: ResolvedLimits;
  readonly source: Source;
  /** Topics per token, shared by every socket of the server. */
  readonly tokenTopics: TokenTopics;
  /**
   * Decides each valid `subscribe` before it joins its topic (the relay's `entitle`): `null` admits it,
   * a string refuses it with that ack error. Absent: every valid one is admitted.
   */
  readonly admit?: Admit;
  /** A topic's latest publication, for image on join (see `FrontOptions.image`). */
  readonly image?: (topicKey: string) => Image | undefined;
}

/** See {@link SocketHandlerDeps.admit}; sync when it can be, so the common case costs no tick. */
export type Admit = (socket: ServerSocket, topic: Topic) => string | null | Promise<string | null>;

/** `emit('subscribe', callback)` without options puts the callback first; put it back where it belongs. */
const splitArgs = (options: unknown, callback: unknown): [unknown, unknown] =>
  typeof options === 'function' && callback === undefined ? [undefined, options] : [options, callback];

const describeFailure = (error: unknown): string => `Source failed: ${describeReason(error)}`;

/** Starts a new topic on the source; a source that throws or rejects is a refusal, not a crash. */
const startTopic = (source: Source, entry: TopicEntry): void => {
  try {
    const ready = source.start(entry.topic);
    entry.ready = ready instanceof Promise ? ready.catch(describeFailure) : ready;
  } catch (error) {
    entry.ready = describeFailure(error);
  }
};

/**
 * Wires one connected socket: `subscribe`, `unsubscribe`, `disconnect`. Every call gets one ack (sent
 * through the `ack` hook when there is one), whatever it carries: malformed options, limits hit and source refusals are ack
 * errors, and nothing the client sends is walked recursively.
 */
export const attachSocketHandlers = (socket: ServerSocket, deps: SocketHandlerDeps): void => {
  const { authority, registry, report, limits, source, tokenTopics } = deps;
  const { keyId, token } = socket.data;
  const meter = createCallMeter(limits.maxCallsPerSecond);
  /** Subscribes waiting for `admit`, by key: an `unsubscribe` meanwhile means they join nothing. */
  const admitting = new Map<string, object>();
  report({ type: 'connect', socketId: socket.id, keyId, token });

  const reply = (
    event: 'subscribe' | 'unsubscribe',
    options: unknown,
    callback: unknown,
    error: string | null,
  ) => {
    report({ type: event, socketId: socket.id, options, error });
    if (typeof callback !== 'function') return;
    const send = () => void callback(error);
    if (deps.ack === undefined) send();
    else deps.ack(send);
  };

  /** A topic the source refused: every socket that joined it meanwhile leaves it. */
  const refuse = (entry: TopicEntry) => {
    if (registry.topic(entry.topic.key) !== entry) return;
    for (const dropped of registry.dropTopic(entry.topic.key)) {
      void dropped.socket.leave(dropped.key);
      tokenTopics.remove(dropped.socket.id, dropped.key);
    }
  };

  /** The ack error when one more topic would pass the per-token or per-server cap. */
  const topicCap = (topicKey: string): string | undefined => {
    if (!tokenTopics.allows(token, topicKey)) return tokenTopicLimitMessage(limits.maxTopicsPerToken);
    if (registry.topic(topicKey) === undefined && registry.topicCount >= limits.maxTopics)
      return topicLimitMessage(limits.maxTopics);
    return undefined;
  };

  /** A valid, admitted `subscribe`: joins its topic (starting it on the source if new) within the limit. */
  const join = (options: unknown, callback: unknown, subscription: ValidSubscription): void => {
    if (!socket.connected) return reply('subscribe', options, callback, null);
    const { key } = subscription;
    if (!registry.has(socket.id, key) && registry.countOf(socket.id) >= limits.maxSubscriptionsPerSocket) {
      return reply(
        'subscribe',
        options,
        callback,
        subscriptionLimitMessage(limits.maxSubscriptionsPerSocket),
      );
    }
    const capped = topicCap(subscription.topic.key);
    if (capped !== undefined) return reply('subscribe', options, callback, capped);
    const { entry, created } = registry.add(socket, subscription);
    tokenTopics.add(socket.id, token, key, entry.topic.key);
    void socket.join(key);
    const seen = entry.published;
    if (created) startTopic(source, entry);
    /** Acked: the image follows, unless a publication reached the socket since it joined. */
    const answer = (error: string | null) => {
      if (error !== null) refuse(entry);
      reply('subscribe', options, callback, error);
      if (error !== null || entry.published !== seen || !socket.connected) return;
      const image = deps.image?.(entry.topic.key);
      if (image === undefined) return;
      const { path, params } = subscription;
      socket.emit('data', { params, path, results: image.results, timestamp: image.timestamp });
    };
    const { ready } = entry;
    if (!(ready instanceof Promise)) return answer(ready);
    void ready.then(answer);
  };

  socket.on('subscribe', (...args: unknown[]) => {
    const [options, callback] = splitArgs(args[0], args[1]);
    if (!meter.take())
      return reply('subscribe', options, callback, callRateMessage(limits.maxCallsPerSecond));
    const parsed = parseSubscription(options, authority.pathsOf(keyId));
    if (!parsed.ok) return reply('subscribe', options, callback, parsed.error);
    const verdict = deps.admit?.(socket, parsed.value.topic) ?? null;
    if (!(verdict instanceof Promise)) {
      if (verdict !== null) return reply('subscribe', options, callback, verdict);
      return join(options, callback, parsed.value);
    }
    const { key } = parsed.value;
    if (admitting.size >= limits.maxSubscriptionsPerSocket) {
      return reply(
        'subscribe',
        options,
        callback,
        subscriptionLimitMessage(limits.maxSubscriptionsPerSocket),
      );
    }
    const mark = {};
    admitting.set(key, mark);
    void verdict.then((error) => {
      const current = admitting.get(key) === mark;
      if (current) admitting.delete(key);
      // Unsubscribed (or subscribed again) while it was decided: this subscribe joins nothing.
      if (error !== null || !current) return reply('subscribe', options, callback, error);
      join(options, callback, parsed.value);
    });
  });

  socket.on('unsubscribe', (...args: unknown[]) => {
    const [options, callback] = splitArgs(args[0], args[1]);
    if (!meter.take())
      return reply('unsubscribe', options, callback, callRateMessage(limits.maxCallsPerSecond));
    const parsed = parseRequest('unsubscribe', options);
    if (parsed.ok) {
      admitting.delete(parsed.value.key);
      const emptied = registry.remove(socket.id, parsed.value.key);
      if (!registry.has(socket.id, parsed.value.key)) {
        void socket.leave(parsed.value.key);
        tokenTopics.remove(socket.id, parsed.value.key);
      }
      if (emptied !== undefined) source.stop(emptied);
    }
    reply('unsubscribe', options, callback, parsed.ok ? null : parsed.error);
  });

  socket.on('disconnect', (reason) => {
    admitting.clear();
    for (const topic of registry.removeSocket(socket.id)) source.stop(topic);
    tokenTopics.removeSocket(socket.id);
    report({ type: 'disconnect', socketId: socket.id, reason });
  });
};
