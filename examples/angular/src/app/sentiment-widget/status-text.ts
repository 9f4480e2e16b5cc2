import type { ClientStatus } from 'marketprophit-rx/angular';

/** What a person reads, not the client's internal state names. */
export const statusText = (status: ClientStatus, hadData: boolean): string => {
  // The widget's own stream ended (the server refused it, say): the connection may be fine, the data is not.
  if (status.problem?.kind === 'subscription') return `Stopped: ${status.problem.message}`;
  switch (status.state) {
    case 'connected':
      return 'Live';
    case 'failed':
      return `Offline: ${status.problem?.message ?? 'the connection failed'}`;
    case 'reconnecting':
      return 'Reconnecting…';
    default:
      // idle, authenticating, connecting: the first time, or again after a drop.
      return hadData ? 'Reconnecting…' : 'Connecting…';
  }
};
