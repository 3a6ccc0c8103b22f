import { defaultConfig } from '../../cloudfunctions/core/config'
import type { Db } from '../../cloudfunctions/platform/ports'
import { INSTANCE_CACHE_MS, instanceCache, keyedInstanceCache, type CacheDeps } from '../../cloudfunctions/services/instanceCache'

/** Deps with a database that is only a key (the cache never calls it) and a clock the test moves. */
function fakeDeps(config = defaultConfig) {
  let nowMs = 1_000_000
  const deps: CacheDeps = { db: {} as Db, now: () => nowMs, config }
  return { deps, advance: (ms: number) => (nowMs += ms) }
}

/** A loader that counts its calls and answers the call number. */
function counter() {
  let calls = 0
  return { load: async () => ++calls, calls: () => calls }
}

describe('the instance cache', () => {
  it('serves the loaded value until the cache time has passed, then loads again', async () => {
    const { deps, advance } = fakeDeps()
    const cache = instanceCache<number>()
    const { load, calls } = counter()
    expect(await cache.get(deps, load)).toBe(1)
    advance(INSTANCE_CACHE_MS - 1)
    expect(await cache.get(deps, load)).toBe(1)
    advance(1)
    expect(await cache.get(deps, load)).toBe(2)
    expect(calls()).toBe(2)
  })

  it('follows the deployment’s shelfCacheMs', async () => {
    const { deps, advance } = fakeDeps({ ...defaultConfig, shelfCacheMs: 100 })
    const cache = instanceCache<number>()
    const { load } = counter()
    await cache.get(deps, load)
    advance(100)
    expect(await cache.get(deps, load)).toBe(2)
  })

  it('shares one load between concurrent callers on a cold cache', async () => {
    const { deps } = fakeDeps()
    const cache = instanceCache<number>()
    const { load, calls } = counter()
    expect(await Promise.all([cache.get(deps, load), cache.get(deps, load), cache.get(deps, load)])).toEqual([1, 1, 1])
    expect(calls()).toBe(1)
  })

  it('loads again after forget, and keeps one value per database', async () => {
    const { deps } = fakeDeps()
    const other: CacheDeps = { ...deps, db: {} as Db }
    const cache = instanceCache<number>()
    const { load } = counter()
    expect(await cache.get(deps, load)).toBe(1)
    expect(await cache.get(other, load)).toBe(2)
    cache.forget(deps.db)
    expect(await cache.get(deps, load)).toBe(3)
    expect(await cache.get(other, load)).toBe(2)
  })

  it('does not serve a failed load', async () => {
    const { deps } = fakeDeps()
    const cache = instanceCache<number>()
    await expect(cache.get(deps, () => Promise.reject(new Error('database down')))).rejects.toThrow('database down')
    expect(await cache.get(deps, async () => 7)).toBe(7)
  })

  it('treats a value from the future (the clock went back) as stale', async () => {
    const { deps, advance } = fakeDeps()
    const cache = instanceCache<number>()
    const { load } = counter()
    await cache.get(deps, load)
    advance(-1)
    expect(await cache.get(deps, load)).toBe(2)
  })
})

describe('the keyed instance cache', () => {
  it('serves a value put after a write without loading', async () => {
    const { deps } = fakeDeps()
    const cache = keyedInstanceCache<string>(10)
    cache.put(deps.db, 'a', 'written', deps.now())
    expect(await cache.get(deps, 'a', async () => 'loaded')).toBe('written')
  })

  it('forgets the least recently stored key beyond its size', async () => {
    const { deps } = fakeDeps()
    const cache = keyedInstanceCache<string>(2)
    await cache.get(deps, 'a', async () => 'a1')
    await cache.get(deps, 'b', async () => 'b1')
    cache.put(deps.db, 'a', 'a2', deps.now())
    await cache.get(deps, 'c', async () => 'c1')
    expect(await cache.get(deps, 'a', async () => 'a3')).toBe('a2')
    expect(await cache.get(deps, 'b', async () => 'b2')).toBe('b2')
  })
})
