import member from '../../cloudfunctions/member/function'
import shop from '../../cloudfunctions/shop/function'
import { handle } from '../../cloudfunctions/platform/function'
import type { Db } from '../../cloudfunctions/platform/ports'
import { SHELF_CACHE_MS } from '../../cloudfunctions/services/products'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { member as memberId, seedProduct } from './builders'

/** The database with a count of the reads made through it. */
function countingReads(db: Db): { db: Db; reads: () => number } {
  let reads = 0
  const counted = new Set(['get', 'query', 'count'])
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (counted.has(String(prop))) reads += 1
        return value.apply(target, args)
      }
    },
  })
  return { db: proxy, reads: () => reads }
}

describe('the shop', () => {
  let cloud: TestCloud

  beforeEach(() => {
    cloud = createTestCloud()
  })
  afterEach(() => cloud.close())

  it('shows listed products on the home page in shelf order, with the server time', async () => {
    await seedProduct(cloud, { _id: 'p-b', sort: 20, title: '乙' })
    await seedProduct(cloud, { _id: 'p-a', sort: 10, title: '甲', stock: 0 })
    await seedProduct(cloud, { _id: 'p-hidden', sort: 1, status: 'unlisted' })
    const home = await cloud.call(shop, { action: 'home' })
    expect(home.ok).toBe(true)
    expect(home.data.serverNow).toBe(cloud.clock.now())
    expect(home.data.member).toBeNull()
    expect(home.data.products.map((p: { _id: string }) => p._id)).toEqual(['p-a', 'p-b'])
    expect(home.data.products[0]).toEqual({
      _id: 'p-a',
      title: '甲',
      subtitle: '群友专享 · 杭州产区',
      cover: '/static/products/longjing-1.jpg',
      priceFen: 12_900,
      listPriceFen: 12_900,
      stock: 0,
      soldOut: true,
    })
  })

  it('shows the member on the home page once logged in', async () => {
    await cloud.call(member, { action: 'login', nickname: '阿青' }, { openid: memberId(1) })
    const home = await cloud.call(shop, { action: 'home' }, { openid: memberId(1) })
    expect(home.data.member).toEqual({ openid: memberId(1), nickname: '阿青', createdAt: cloud.clock.now() })
  })

  it('costs at most one database read per home page view on average', async () => {
    for (let i = 0; i < 30; i++) await seedProduct(cloud, { _id: `p-${i}`, sort: i })
    for (let m = 0; m < 20; m++) await cloud.call(member, { action: 'login' }, { openid: memberId(m) })
    const { db, reads } = countingReads(cloud.db)
    const views = 400
    for (let i = 0; i < views; i++) {
      // 20 members refreshing every few seconds, and some visitors who are not logged in.
      const as = i % 5 === 4 ? { openid: '' } : { openid: memberId(i % 20) }
      const res = await handle(shop, { action: 'home' }, { ...cloud.deps(as), db })
      expect(res.ok).toBe(true)
      cloud.clock.advance(150)
    }
    expect(reads() / views).toBeLessThanOrEqual(1)
  })

  it('costs about one read per view even when every view is a different member', async () => {
    await seedProduct(cloud)
    const { db, reads } = countingReads(cloud.db)
    for (let i = 0; i < 100; i++) {
      await handle(shop, { action: 'home' }, { ...cloud.deps({ openid: memberId(i) }), db })
      cloud.clock.advance(10)
    }
    // One member read per view; the shelf, the price days and the flash sales are read once for all.
    expect(reads()).toBe(103)
  })

  it('shows a new nickname on the home page at once on the instance that saved it', async () => {
    await cloud.call(member, { action: 'login' }, { openid: memberId(1) })
    await cloud.call(shop, { action: 'home' }, { openid: memberId(1) })
    await cloud.call(member, { action: 'login', nickname: '新名字' }, { openid: memberId(1) })
    const home = await cloud.call(shop, { action: 'home' }, { openid: memberId(1) })
    expect(home.data.member.nickname).toBe('新名字')
  })

  it('refreshes the shelf after the cache time', async () => {
    await seedProduct(cloud, { _id: 'p-old' })
    await cloud.call(shop, { action: 'home' })
    await seedProduct(cloud, { _id: 'p-new' })
    cloud.clock.advance(SHELF_CACHE_MS)
    const home = await cloud.call(shop, { action: 'home' })
    expect(home.data.products.map((p: { _id: string }) => p._id).sort()).toEqual(['p-new', 'p-old'])
  })

  it('pages the product list twenty at a time', async () => {
    for (let i = 0; i < 25; i++) await seedProduct(cloud, { _id: `p-${String(i).padStart(2, '0')}`, sort: i })
    const first = await cloud.call(shop, { action: 'products' })
    expect(first.data.items).toHaveLength(20)
    expect(first.data.nextSkip).toBe(20)
    const second = await cloud.call(shop, { action: 'products', skip: first.data.nextSkip })
    expect(second.data.items.map((p: { _id: string }) => p._id)).toEqual(['p-20', 'p-21', 'p-22', 'p-23', 'p-24'])
    expect(second.data).not.toHaveProperty('nextSkip')
    expect((await cloud.call(shop, { action: 'products', skip: 100 })).data).toEqual({ items: [] })
  })

  it('shows a product page with fresh stock, pictures and sales', async () => {
    await seedProduct(cloud, { stock: 7, sold: 3 })
    await cloud.call(shop, { action: 'home' })
    await cloud.db.update('products', { _id: 'p-longjing' }, { inc: { stock: -2 } })
    const page = await cloud.call(shop, { action: 'product', productId: 'p-longjing' })
    expect(page.data).toMatchObject({
      _id: 'p-longjing',
      stock: 5,
      sold: 3,
      images: ['/static/products/longjing-1.jpg', '/static/products/longjing-2.jpg'],
      detail: expect.any(String),
    })
  })

  it('answers NOT_FOUND for a missing or unlisted product', async () => {
    await seedProduct(cloud, { _id: 'p-hidden', status: 'unlisted' })
    for (const productId of ['p-hidden', 'p-missing']) {
      expect(await cloud.call(shop, { action: 'product', productId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
  })
})

describe('members', () => {
  let cloud: TestCloud

  beforeEach(() => {
    cloud = createTestCloud()
  })
  afterEach(() => cloud.close())

  it('creates the member on first login and recognises them after', async () => {
    const first = await cloud.call(member, { action: 'login' }, { openid: memberId(7) })
    expect(first).toEqual({ ok: true, data: { openid: memberId(7), nickname: '群友0007', createdAt: cloud.clock.now(), isNew: true } })
    const createdAt = cloud.clock.now()
    cloud.clock.advance(60_000)
    const again = await cloud.call(member, { action: 'login', nickname: '小七' }, { openid: memberId(7) })
    expect(again).toEqual({ ok: true, data: { openid: memberId(7), nickname: '小七', createdAt, isNew: false } })
    expect(await cloud.db.get('members', memberId(7))).toMatchObject({ lastSeenAt: cloud.clock.now() })
  })

  it('creates one member when the first logins race', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => cloud.call(member, { action: 'login' }, { openid: memberId(3) })))
    expect(results.filter((r) => r.data.isNew)).toHaveLength(1)
    expect(await cloud.db.count('members', {})).toBe(1)
  })

  it('asks for a login before showing a profile', async () => {
    expect(await cloud.call(member, { action: 'profile' }, { openid: memberId(9) })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('shows the profile with no orders', async () => {
    await cloud.call(member, { action: 'login' }, { openid: memberId(9) })
    const profile = await cloud.call(member, { action: 'profile' }, { openid: memberId(9) })
    expect(profile).toMatchObject({ ok: true, data: { openid: memberId(9), orderCounts: {} } })
  })
})
