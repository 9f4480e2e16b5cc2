import type { ClientStatus } from 'marketprophit-rx/angular';

/** What a person reads, not the client's internal state names. */
export const statusText = (status: ClientStatus, hadData: boolean): string => {
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
