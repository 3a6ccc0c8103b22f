/**
 * Short per-instance memos of what the shop shows (the shelf, price days, registered groups,
 * current sales, members), so a home page view costs no database read most of the time.
 * Entries are keyed by the database, so each local test cloud has its own; in WeChat there is
 * one database per function instance. Only for display: decisions read fresh.
 *
 * A value lives `config.shelfCacheMs` (default `INSTANCE_CACHE_MS`). Concurrent callers on a
 * cold entry share one load, and a failed load is dropped rather than served.
 */
import type { Db, Deps } from '../platform/ports'

/** How long an instance serves a memo when the deployment does not say (`shelfCacheMs`). */
export const INSTANCE_CACHE_MS = 5_000

export type CacheDeps = Pick<Deps, 'db' | 'now' | 'config'>

interface Entry<T> {
  at: number
  value: Promise<T>
}

/** One value per database, e.g. every listed product. */
export interface InstanceCache<T> {
  /** The value, from memory while fresh, else from `load` (which then is the value). */
  get(deps: CacheDeps, load: () => Promise<T>): Promise<T>
  /** Drops this instance's value, so the next `get` loads (call after changing what it holds). */
  forget(db: Db): void
}

/** One value per database and key, e.g. a member by openid; the oldest key goes beyond `max`. */
export interface KeyedInstanceCache<T> {
  get(deps: CacheDeps, key: string, load: () => Promise<T>): Promise<T>
  /** Stores a value just written, so the next `get` shows it without a read. */
  put(db: Db, key: string, value: T, now: number): void
  forget(db: Db, key: string): void
}

export function keyedInstanceCache<T>(max: number): KeyedInstanceCache<T> {
  const byDb = new WeakMap<Db, Map<string, Entry<T>>>()

  const store = (db: Db, key: string, entry: Entry<T>): void => {
    let entries = byDb.get(db)
    if (!entries) byDb.set(db, (entries = new Map()))
    // Re-inserting moves the key to the end, so the first key is the least recently stored.
    entries.delete(key)
    entries.set(key, entry)
    if (entries.size > max) entries.delete(entries.keys().next().value as string)
  }

  return {
    get(deps, key, load) {
      const now = deps.now()
      const ttl = deps.config.shelfCacheMs ?? INSTANCE_CACHE_MS
      const hit = byDb.get(deps.db)?.get(key)
      // `now < hit.at` means the clock went back: treat the entry as stale.
      if (hit && now >= hit.at && now - hit.at < ttl) return hit.value
      const value = load()
      store(deps.db, key, { at: now, value })
      value.catch(() => {
        const entries = byDb.get(deps.db)
        if (entries?.get(key)?.value === value) entries.delete(key)
      })
      return value
    },
    put(db, key, value, now) {
      store(db, key, { at: now, value: Promise.resolve(value) })
    },
    forget(db, key) {
      byDb.get(db)?.delete(key)
    },
  }
}

export function instanceCache<T>(): InstanceCache<T> {
  const cache = keyedInstanceCache<T>(1)
  return {
    get: (deps, load) => cache.get(deps, '', load),
    forget: (db) => cache.forget(db, ''),
  }
}
