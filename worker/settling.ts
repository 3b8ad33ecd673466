/**
 * How long a change readers get takes to show in KV everywhere: a location that read a key keeps
 * its copy for 60 s (KV's `cacheTtl`), a listing lags as long, and a margin covers slow
 * propagation. For this long after a change the Durable Objects that made it (worker/writer.ts,
 * worker/recent-changes.ts) are asked over KV.
 */
export const SETTLING_MS = 90_000;
