/**
 * The sign-in rate limit: at most `LOGIN_MAX_FAILURES` wrong passwords per username in each
 * fixed 15-minute window. An attempt first takes a slot on the window's counter (created by
 * `add`, or moved by one conditional increment that stops at the limit), so concurrent guesses
 * cannot all be checked; a right password gives its slot back. Never read-modify-write.
 * So at most 5 attempts per username are checked at one instant: more arriving together are
 * refused like guesses past the limit (a person signs in once; a burst is a script).
 */
import { createHash } from 'node:crypto'
import type { LoginAttempts } from '../core/model'
import type { Db } from '../platform/ports'

export const LOGIN_WINDOW_MS = 15 * 60_000
export const LOGIN_MAX_FAILURES = 5

/** The counter of `username`'s attempts in the window starting at `windowStart`. */
export function loginAttemptsId(username: string, windowStart: number): string {
  // Hashed: a username may hold characters a document id should not.
  return `${createHash('sha256').update(username).digest('hex').slice(0, 32)}-${windowStart}`
}

export type LoginSlot = { ok: true; id: string } | { ok: false; retryAt: number }

/** Takes one attempt for `username` at `now`, or says when the next window opens. */
export async function takeLoginSlot(db: Db, username: string, now: number): Promise<LoginSlot> {
  const windowStart = now - (now % LOGIN_WINDOW_MS)
  const id = loginAttemptsId(username, windowStart)
  const first: LoginAttempts = { _id: id, username, windowStart, failures: 1, updatedAt: now }
  if (await db.add('loginAttempts', first)) return { ok: true, id }
  const taken = await db.update('loginAttempts', { _id: id, failures: { lt: LOGIN_MAX_FAILURES } }, { inc: { failures: 1 }, set: { updatedAt: now } })
  return taken === 1 ? { ok: true, id } : { ok: false, retryAt: windowStart + LOGIN_WINDOW_MS }
}

/** Gives back the slot of an attempt whose password was right: it was not a failure. */
export async function giveBackLoginSlot(db: Db, id: string): Promise<void> {
  await db.update('loginAttempts', { _id: id, failures: { gt: 0 } }, { inc: { failures: -1 } })
}

/** Removes counters of windows that have closed (cron keeps the collection small). */
export async function removeClosedLoginWindows(db: Db, now: number): Promise<number> {
  return db.remove('loginAttempts', { windowStart: { lte: now - LOGIN_WINDOW_MS } })
}
