import { AsyncSubject, type Observable } from 'rxjs';
import type { CliStream } from './cli-environment';

export interface SafeOutput {
  write(text: string): void;
  /** Emits once the reader went away (EPIPE, e.g. `| head -3`) or the stream failed. */
  readonly closed$: Observable<void>;
}

/**
 * Writes that stop quietly once the stream is gone. Without an `error` listener, the EPIPE of a closed
 * pipe would crash the process with a stack trace.
 */
export const safeOutput = (stream: CliStream): SafeOutput => {
  const closed = new AsyncSubject<void>();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    closed.next();
    closed.complete();
  };
  stream.on('error', close);
  return {
    write(text) {
      if (open) stream.write(text);
    },
    closed$: closed.asObservable(),
  };
};
