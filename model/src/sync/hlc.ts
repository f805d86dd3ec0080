// Runs in browser, worker and Node.
// Hybrid logical clocks: Kulkarni, Demirbas et al. 2014, "Logical Physical Clocks and Consistent
// Snapshots in Globally Distributed Databases". A timestamp is (wall milliseconds, counter, node):
// it never goes backwards, stays close to real time, and orders every event across devices.
import { z } from 'zod';

/** How far a timestamp may run ahead of the receiver's clock before it is refused. */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

const MAX_COUNTER = 0xffff;

export interface Hlc {
  millis: number;
  counter: number;
  /** The device (or server) that made it: ties between equal (millis, counter) break by node. */
  node: string;
}

const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[A-Za-z0-9_-]{1,64}$/;
const HLC_EXAMPLE = 'A clock timestamp looks like 2024-05-01T20:15:00.000Z-0000-device1.';

/** True when the first 24 characters name a real instant (no month 13, no 25 o'clock). */
function isRealInstant(text: string): boolean {
  const millis = Date.parse(text.slice(0, 24));
  return Number.isFinite(millis) && new Date(millis).toISOString() === text.slice(0, 24);
}

/**
 * Text form that sorts like the clock: 2024-05-01T20:15:00.000Z-002a-<node>. Parsed, not just
 * pattern-matched: the date must be a real one. (How far ahead of now it may be is the receiver's
 * check: see MAX_CLOCK_DRIFT_MS.)
 */
export const hlcStringSchema = z
  .string()
  .regex(HLC_PATTERN, HLC_EXAMPLE)
  .refine(isRealInstant, 'A clock timestamp must name a real date and time.');

export function formatHlc(hlc: Hlc): string {
  return `${new Date(hlc.millis).toISOString()}-${hlc.counter.toString(16).padStart(4, '0')}-${hlc.node}`;
}

export function parseHlc(text: string): Hlc {
  const parsed = hlcStringSchema.parse(text);
  return {
    millis: Date.parse(parsed.slice(0, 24)),
    counter: parseInt(parsed.slice(25, 29), 16),
    node: parsed.slice(30),
  };
}

/** Orders timestamps: negative when a is earlier, positive when later, 0 when equal. */
export function compareHlc(a: Hlc, b: Hlc): number {
  return (
    a.millis - b.millis || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0)
  );
}

export type HlcResult =
  { ok: true; clock: Hlc } | { ok: false; reason: 'clock-drift' | 'counter-overflow' };

/** The clock's next timestamp for a local event at wall time `now`. */
export function tick(clock: Hlc, now: number): HlcResult {
  const millis = Math.max(clock.millis, now);
  const counter = millis === clock.millis ? clock.counter + 1 : 0;
  if (counter > MAX_COUNTER) return { ok: false, reason: 'counter-overflow' };
  return { ok: true, clock: { millis, counter, node: clock.node } };
}

/**
 * The clock after seeing a remote timestamp at wall time `now`; a remote timestamp more than
 * MAX_CLOCK_DRIFT_MS ahead of `now` is refused, so that one bad clock cannot drag every device
 * into the future.
 */
export function receive(clock: Hlc, remote: Hlc, now: number): HlcResult {
  if (remote.millis - now > MAX_CLOCK_DRIFT_MS) return { ok: false, reason: 'clock-drift' };
  return merge(clock, remote, now);
}

/**
 * The clock after seeing a timestamp it must stay above whatever the wall clock says: one the
 * server already holds (and so checked against its own clock), or this device's own record of a
 * cell. A device whose clock runs slow learns from it that it is behind, and never stamps an edit
 * below a value it has seen.
 */
export function observe(clock: Hlc, seen: Hlc, now: number): HlcResult {
  return merge(clock, seen, now);
}

function merge(clock: Hlc, remote: Hlc, now: number): HlcResult {
  const millis = Math.max(clock.millis, remote.millis, now);
  let counter = 0;
  if (millis === clock.millis && millis === remote.millis)
    counter = Math.max(clock.counter, remote.counter) + 1;
  else if (millis === clock.millis) counter = clock.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  if (counter > MAX_COUNTER) return { ok: false, reason: 'counter-overflow' };
  return { ok: true, clock: { millis, counter, node: clock.node } };
}

/** The later of two timestamps. */
export const laterHlc = (a: Hlc, b: Hlc): Hlc => (compareHlc(a, b) >= 0 ? a : b);
