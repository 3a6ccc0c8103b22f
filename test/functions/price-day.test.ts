/**
 * Member-price days against the real local database: who pays the member price, the per-member
 * limit under concurrency, and the limit given back when an order closes.
 */
import cron from '../../cloudfunctions/cron/function'
import member from '../../cloudfunctions/member/function'
import order from '../../cloudfunctions/order/function'
import shop from '../../cloudfunctions/shop/function'
import { JOIN_HINT, priceDayClaimId } from '../../cloudfunctions/core/priceDay'
import { devCloudId } from '../../cloudfunctions/platform/local/openData'
import { createTestCloud, TEST_START_MS, type TestCloud } from '../helpers/cloud'
import { member as memberId, newRequestId, seedProduct, TIMER } from './builders'
import { seedGroup, seedPriceDay } from './membership-builders'

const MINUTE = 60_000
const CORE = memberId(1)
const ORDINARY = memberId(2)
const OUTSIDER = memberId(3)
const DAY = '2026-11-18'
const CLAIM = priceDayClaimId('pd-today', DAY, 'p-longjing', CORE)

describe('member-price days', () => {
  let cloud: TestCloud

  beforeEach(async () => {
    cloud = createTestCloud()
    await seedProduct(cloud, { _id: 'p-longjing', priceFen: 12_900, stock: 100 })
    await seedGroup(cloud, { _id: 'G-core', name: '龙井核心群', tier: 'core' })
    await seedGroup(cloud, { _id: 'G-all', name: '茶友普通群', tier: 'ordinary' })
    for (const [openid, group] of [
      [CORE, 'G-core'],
      [ORDINARY, 'G-all'],
    ]) {
      expect(await cloud.call(member, { action: 'bindGroup', group: devCloudId(group) }, { openid })).toMatchObject({ ok: true })
    }
    await cloud.call(member, { action: 'login' }, { openid: OUTSIDER })
  })
  afterEach(() => cloud.close())

  const buy = (openid: string, qty = 1, requestId = newRequestId()) =>
    cloud.call(order, { action: 'create', requestId, productId: 'p-longjing', qty }, { openid })
  const stock = async () => (await cloud.db.get('products', 'p-longjing'))?.stock
  const claimed = async (id = CLAIM) => (await cloud.db.get('priceDayClaims', id))?.qty

  describe('pricing', () => {
    beforeEach(() => seedPriceDay(cloud))

    it('charges a member of a qualifying group the member price and records where it came from', async () => {
      const res = await buy(CORE, 2)
      expect(res).toMatchObject({
        ok: true,
        data: { unitPriceFen: 9_900, totalFen: 19_800, listPriceFen: 12_900, priceSource: 'priceDay', sourceId: 'pd-today' },
      })
      expect(await cloud.db.get('orders', res.data._id)).toMatchObject({ priceDayClaimId: CLAIM })
      expect(await claimed()).toBe(2)
    })

    it('charges a non-member the list price and counts nothing', async () => {
      const res = await buy(OUTSIDER, 3)
      expect(res).toMatchObject({ ok: true, data: { unitPriceFen: 12_900, totalFen: 38_700, priceSource: 'list' } })
      expect(res.data).not.toHaveProperty('sourceId')
      expect(await cloud.db.count('priceDayClaims', {})).toBe(0)
    })

    it('charges a member of another tier the list price', async () => {
      expect(await buy(ORDINARY)).toMatchObject({ ok: true, data: { unitPriceFen: 12_900, priceSource: 'list' } })
    })

    it('lets a member pay for a member-price order', async () => {
      const res = await buy(CORE)
      await cloud.call(order, { action: 'pay', orderId: res.data._id }, { openid: CORE })
      await cloud.pay.complete(res.data._id)
      expect(await cloud.db.get('orders', res.data._id)).toMatchObject({ status: 'paid', totalFen: 9_900 })
    })

    it('shows each caller their price, and why not to those who do not qualify', async () => {
      const offer = { priceDayId: 'pd-today', memberPriceFen: 9_900, limitPerMember: 2, tiers: ['core'], endAt: Date.parse('2026-11-18T23:59:59.999+08:00') }
      const product = (openid: string) => cloud.call(shop, { action: 'product', productId: 'p-longjing' }, { openid })
      expect((await product(CORE)).data).toMatchObject({ priceFen: 9_900, listPriceFen: 12_900, priceDay: { ...offer, eligible: true } })
      expect((await product(ORDINARY)).data).toMatchObject({
        priceFen: 12_900,
        priceDay: { ...offer, eligible: false, reason: '仅限核心群群友' },
      })
      expect((await product(OUTSIDER)).data).toMatchObject({ priceFen: 12_900, priceDay: { eligible: false, reason: JOIN_HINT } })
      expect((await cloud.call(shop, { action: 'product', productId: 'p-longjing' })).data).toMatchObject({ priceFen: 12_900 })
    })

    it('shows today’s price-day items on the home page with the caller’s price', async () => {
      const home = await cloud.call(shop, { action: 'home' }, { openid: CORE })
      expect(home.data.priceDays).toEqual([
        expect.objectContaining({ _id: 'pd-today', eligible: true, items: [expect.objectContaining({ _id: 'p-longjing', priceFen: 9_900 })] }),
      ])
      expect(home.data.products[0]).toMatchObject({ priceFen: 9_900, listPriceFen: 12_900 })
      const other = await cloud.call(shop, { action: 'home' }, { openid: ORDINARY })
      expect(other.data.priceDays[0]).toMatchObject({ eligible: false, reason: '仅限核心群群友' })
      expect(other.data.priceDays[0].items[0]).toMatchObject({ priceFen: 12_900 })
    })

    it('charges the list price once the price day is archived', async () => {
      await cloud.db.update('priceDays', { _id: 'pd-today' }, { set: { status: 'archived' } })
      expect(await buy(CORE)).toMatchObject({ ok: true, data: { priceSource: 'list' } })
    })

    it('charges the list price the day after', async () => {
      cloud.clock.set(Date.parse('2026-11-19T00:00:00+08:00'))
      expect(await buy(CORE)).toMatchObject({ ok: true, data: { priceSource: 'list' } })
    })
  })

  describe('the per-member limit', () => {
    beforeEach(() => seedPriceDay(cloud))

    it('refuses units beyond the limit and gives the stock back', async () => {
      expect(await buy(CORE, 2)).toMatchObject({ ok: true })
      expect(await stock()).toBe(98)
      expect(await buy(CORE, 1)).toMatchObject({ ok: false, code: 'LIMIT_REACHED', message: expect.stringContaining('限购 2 件') })
      expect(await stock()).toBe(98)
      expect(await claimed()).toBe(2)
      expect(await cloud.db.count('orders', { openid: CORE })).toBe(1)
    })

    it('refuses one order asking for more than the limit without taking stock', async () => {
      expect(await buy(CORE, 3)).toMatchObject({ ok: false, code: 'LIMIT_REACHED' })
      expect(await stock()).toBe(100)
      expect(await cloud.db.count('priceDayClaims', {})).toBe(0)
    })

    it('sells exactly the limit to one member sending 30 orders at once', async () => {
      const results = await Promise.all(Array.from({ length: 30 }, () => buy(CORE)))
      expect(results.filter((r) => r.ok)).toHaveLength(2)
      expect(results.filter((r) => !r.ok).every((r) => r.code === 'LIMIT_REACHED')).toBe(true)
      expect(await claimed()).toBe(2)
      expect(await stock()).toBe(98)
      expect(await cloud.db.count('orders', { openid: CORE })).toBe(2)
    })

    it('holds the limit per member, not across members', async () => {
      await seedGroup(cloud, { _id: 'G-core-2', tier: 'core' })
      const others = Array.from({ length: 5 }, (_, i) => memberId(100 + i))
      for (const openid of others) await cloud.call(member, { action: 'bindGroup', group: devCloudId('G-core-2') }, { openid })
      const results = await Promise.all(others.flatMap((openid) => Array.from({ length: 4 }, () => buy(openid))))
      expect(results.filter((r) => r.ok)).toHaveLength(10)
      expect(await stock()).toBe(90)
    })

    it('answers a replay at the limit with the first order, not a refusal', async () => {
      const requestId = newRequestId()
      const first = await buy(CORE, 2, requestId)
      expect(await buy(CORE, 2, requestId)).toEqual(first)
      expect(await claimed()).toBe(2)
    })

    it('counts a replayed request once when the replays race', async () => {
      const requestId = newRequestId()
      const results = await Promise.all(Array.from({ length: 10 }, () => buy(CORE, 1, requestId)))
      expect(new Set(results.map((r) => r.data?._id))).toEqual(new Set([results[0].data._id]))
      expect(await claimed()).toBe(1)
      expect(await stock()).toBe(99)
    })

    it('gives the quantity back on cancel, once', async () => {
      const first = await buy(CORE, 2)
      expect(await buy(CORE)).toMatchObject({ code: 'LIMIT_REACHED' })
      await Promise.all([1, 2, 3].map(() => cloud.call(order, { action: 'cancel', orderId: first.data._id }, { openid: CORE })))
      expect(await claimed()).toBe(0)
      expect(await stock()).toBe(100)
      expect(await buy(CORE, 2)).toMatchObject({ ok: true, data: { priceSource: 'priceDay' } })
      expect(await claimed()).toBe(2)
    })

    it('gives the quantity back when an unpaid order expires', async () => {
      await buy(CORE, 2)
      cloud.clock.advance(15 * MINUTE)
      expect(await cloud.call(cron, {}, TIMER)).toMatchObject({ ok: true, data: { expired: 1 } })
      expect(await claimed()).toBe(0)
      expect(await buy(CORE, 2)).toMatchObject({ ok: true, data: { priceSource: 'priceDay' } })
    })

    it('keeps a paid order counted', async () => {
      const res = await buy(CORE, 2)
      await cloud.call(order, { action: 'pay', orderId: res.data._id }, { openid: CORE })
      await cloud.pay.complete(res.data._id)
      expect(await claimed()).toBe(2)
      expect(await buy(CORE)).toMatchObject({ code: 'LIMIT_REACHED' })
    })
  })

  describe('weekly price days', () => {
    beforeEach(() => seedPriceDay(cloud, { _id: 'pd-wed', rule: { kind: 'weekly', weekday: 3 } }))

    it('runs on the weekday in China time', async () => {
      // TEST_START_MS is Wednesday 10:00 in China.
      expect(await buy(CORE)).toMatchObject({ data: { priceSource: 'priceDay', sourceId: 'pd-wed' } })
      // The last moment of Tuesday in China is not a price day.
      cloud.clock.set(Date.parse('2026-11-17T23:59:59.999+08:00'))
      expect(await buy(CORE)).toMatchObject({ data: { priceSource: 'list' } })
      // Wednesday 00:00 +08:00 is still Tuesday 16:00 UTC, and a price day.
      cloud.clock.set(Date.parse('2026-11-18T00:00:00+08:00'))
      expect(await buy(CORE)).toMatchObject({ data: { priceSource: 'priceDay' } })
      // Thursday 00:00 +08:00 (Wednesday 16:00 UTC) is not.
      cloud.clock.set(Date.parse('2026-11-19T00:00:00+08:00'))
      expect(await buy(CORE)).toMatchObject({ data: { priceSource: 'list' } })
    })

    it('counts the limit afresh each week', async () => {
      expect(await buy(CORE, 2)).toMatchObject({ ok: true, data: { priceSource: 'priceDay' } })
      cloud.clock.set(TEST_START_MS + 7 * 86_400_000)
      expect(await buy(CORE, 2)).toMatchObject({ ok: true, data: { priceSource: 'priceDay' } })
      expect(await claimed(priceDayClaimId('pd-wed', '2026-11-25', 'p-longjing', CORE))).toBe(2)
    })

    it('counts the home page down to the next one', async () => {
      const home = await cloud.call(shop, { action: 'home' }, { openid: CORE })
      expect(home.data.nextPriceDayAt).toBe(Date.parse('2026-11-25T00:00:00+08:00'))
      expect(home.data.priceDays.map((p: { _id: string }) => p._id)).toEqual(['pd-wed'])
    })
  })

  it('shows no price day and no countdown when none is scheduled', async () => {
    const home = await cloud.call(shop, { action: 'home' }, { openid: CORE })
    expect(home.data).toMatchObject({ priceDays: [], nextPriceDayAt: null })
    expect(home.data.products[0]).not.toHaveProperty('priceDay')
  })
})
