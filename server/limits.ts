/**
 * What one connection may send: messages per second (a token bucket, so a burst of typing
 * passes and a flood does not), and how large a document may grow. Pure, with the clock given.
 */
export interface Limits {
  /** Bytes in one WebSocket message; the socket closes with 1009 past it. */
  maxMessageBytes: number;
  /** Bytes of a document's state; past it, updates close the connection with `too-large`. */
  maxDocumentBytes: number;
  /** Sustained messages per second per connection, and the burst above it. */
  messagesPerSecond: number;
  burst: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  messagesPerSecond: 200,
  burst: 1000,
};

export interface Bucket {
  /** Takes one message; false when the connection is over its rate. */
  take(now: number): boolean;
}

export function tokenBucket(perSecond: number, burst: number, start: number): Bucket {
  let tokens = burst;
  let last = start;
  return {
    take(now) {
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
