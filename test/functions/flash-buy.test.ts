/**
 * Buying in a flash sale (order.create with saleId) against the real local database: the sale's
 * window, eligibility, the per-member limit, idempotency, and units that come back.
 */
import cron from '../../cloudfunctions/cron/function'
import order from '../../cloudfunctions/order/function'
import { handle } from '../../cloudfunctions/platform/function'
import type { FlashSale } from '../../cloudfunctions/core/model'
import { orderIdFor } from '../../cloudfunctions/core/order/ids'
import { reconcileSales } from '../../cloudfunctions/services/flashReconcile'
import { MARK_MS } from '../../cloudfunctions/services/flashStock'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { dumpAll, member as memberId, newRequestId, seedProduct, TIMER } from './builders'
import { buy, claimOf, countingCalls, joinGroup, MINUTE, SALE_END, SALE_START, seedGroups, seedSale } from './flashBuilders'

describe('buying in a flash sale', () => {
  let cloud: TestCloud

  beforeEach(async () => {
    cloud = createTestCloud()
    await seedProduct(cloud, { stock: 50, priceFen: 12_900 })
    await seedGroups(cloud)
    await joinGroup(cloud, 'G-core', 1, 4)
    await joinGroup(cloud, 'G-like', 10)
    cloud.clock.set(SALE_START)
  })
  afterEach(() => cloud.close())

  async function sale() {
    return (await cloud.db.get('flashSales', 'sale-longjing'))!
  }

  async function expectClean() {
    const result = await reconcileSales(cloud.db)
    expect(result.sales.flatMap((tally) => tally.discrepancies)).toEqual([])
    expect(result.clean).toBe(true)
  }

  it('sells at the flash price from the sale, not from the product', async () => {
    await seedSale(cloud)
    const res = await buy(cloud, 1, { qty: 2 })
    expect(res).toMatchObject({
      ok: true,
      data: { status: 'pending', qty: 2, unitPriceFen: 5_900, totalFen: 11_800, listPriceFen: 12_900, priceSource: 'flash', sourceId: 'sale-longjing', saleId: 'sale-longjing' },
    })
    expect(await sale()).toMatchObject({ left: 98, reserved: 2, paid: 0 })
    expect(await claimOf(cloud, 1)).toMatchObject({ bought: 2 })
    expect((await cloud.db.get('products', 'p-longjing'))?.stock).toBe(50)
    await expectClean()
  })

  it('refuses attempts before the start and from the end, writing nothing', async () => {
    await seedSale(cloud)
    cloud.clock.set(SALE_START - 1)
    const before = await dumpAll(cloud.db)
    expect(await buy(cloud, 1)).toMatchObject({ ok: false, code: 'NOT_STARTED' })
    cloud.clock.set(SALE_END)
    expect(await buy(cloud, 1)).toMatchObject({ ok: false, code: 'ENDED' })
    expect(await dumpAll(cloud.db)).toEqual(before)
  })

  it('refuses a sale of another product, an unknown sale and a visitor', async () => {
    await seedSale(cloud)
    await seedProduct(cloud, { _id: 'p-other' })
    expect(await buy(cloud, 1, { productId: 'p-other' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await buy(cloud, 1, { saleId: 'sale-nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const visitor = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: 'p-longjing', qty: 1, saleId: 'sale-longjing' })
    expect(visitor).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await sale()).toMatchObject({ left: 100 })
  })

  it('refuses people outside the groups, with the reason, writing nothing', async () => {
    await seedSale(cloud, { tiers: ['core', 'ordinary'] })
    const before = await dumpAll(cloud.db)
    expect(await buy(cloud, 99)).toEqual({ ok: false, code: 'NOT_MEMBER', message: '仅限群友参与，请从群聊中打开小程序' })
    expect(await buy(cloud, 10)).toEqual({ ok: false, code: 'NOT_MEMBER', message: '本场仅限核心群、普通群的群友参与' })
    expect(await dumpAll(cloud.db)).toEqual(before)
    expect(await buy(cloud, 1)).toMatchObject({ ok: true })
  })

  it('holds each member to the per-member limit across orders', async () => {
    await seedSale(cloud, { perMemberLimit: 2 })
    expect(await buy(cloud, 1)).toMatchObject({ ok: true })
    expect(await buy(cloud, 1, { qty: 2 })).toEqual({ ok: false, code: 'LIMIT_REACHED', message: '每人限购 2 件' })
    expect(await buy(cloud, 1)).toMatchObject({ ok: true })
    expect(await buy(cloud, 1)).toMatchObject({ ok: false, code: 'LIMIT_REACHED' })
    expect(await buy(cloud, 2, { qty: 3 })).toMatchObject({ ok: false, code: 'LIMIT_REACHED' })
    expect(await sale()).toMatchObject({ left: 98, reserved: 2 })
    await expectClean()
  })

  it('answers a replayed requestId with the first order, taking units once', async () => {
    await seedSale(cloud)
    const requestId = newRequestId()
    const results = await Promise.all(Array.from({ length: 20 }, () => buy(cloud, 1, { requestId })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => r.data._id))).toEqual(new Set([orderIdFor(memberId(1), requestId)]))
    cloud.clock.advance(MINUTE)
    expect(await buy(cloud, 1, { requestId })).toEqual(results[0])
    expect(await sale()).toMatchObject({ left: 99, reserved: 1 })
    expect(await claimOf(cloud, 1)).toMatchObject({ bought: 1 })
    // Replays are answered even once the sale is sold out or over.
    await cloud.db.update('flashSales', { _id: 'sale-longjing' }, { set: { status: 'stopped' } })
    expect(await buy(cloud, 1, { requestId })).toEqual(results[0])
    await expectClean()
  })

  it('refuses a requestId reused for another purchase', async () => {
    await seedSale(cloud)
    await seedProduct(cloud, { _id: 'p-other' })
    const requestId = newRequestId()
    await buy(cloud, 1, { requestId })
    expect(await buy(cloud, 1, { requestId, qty: 2 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const plain = await cloud.call(order, { action: 'create', requestId, productId: 'p-longjing', qty: 1 }, { openid: memberId(1) })
    expect(plain).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('answers SOLD_OUT without a database write once the sale is sold out', async () => {
    await seedSale(cloud, { quantity: 3, perMemberLimit: 3 })
    expect(await buy(cloud, 1, { qty: 3 })).toMatchObject({ ok: true })
    expect(await buy(cloud, 2)).toEqual({ ok: false, code: 'SOLD_OUT', message: '已售罄' })

    const counted = countingCalls(cloud.db)
    const results = await Promise.all(Array.from({ length: 50 }, () => buy(cloud, 3, { db: counted.db })))
    expect(results.every((r) => !r.ok && r.code === 'SOLD_OUT')).toBe(true)
    expect(counted.writes()).toBe(0)
  })

  it('answers a member at the limit without a database write, until their units come back', async () => {
    await seedSale(cloud, { perMemberLimit: 1 })
    const requestId = newRequestId()
    const first = await buy(cloud, 1, { requestId })
    expect(first).toMatchObject({ ok: true })
    const counted = countingCalls(cloud.db)
    const refused = { ok: false, code: 'LIMIT_REACHED', message: '每人限购 1 件' }
    expect(await buy(cloud, 1, { db: counted.db })).toEqual(refused)
    const writesToLearn = counted.writes()
    expect(writesToLearn).toBeGreaterThan(0)
    const results = await Promise.all(Array.from({ length: 20 }, () => buy(cloud, 1, { db: counted.db })))
    expect(results).toEqual(Array.from({ length: 20 }, () => refused))
    expect(counted.writes()).toBe(writesToLearn)
    // Other members still buy, and a replay of the member's first request is still its order.
    expect(await buy(cloud, 2)).toMatchObject({ ok: true })
    expect(await buy(cloud, 1, { requestId })).toEqual(first)

    // This instance's own cancel clears its mark at once.
    expect(await buy(cloud, 1)).toEqual(refused)
    expect(await cloud.call(order, { action: 'cancel', orderId: first.data._id }, { openid: memberId(1) })).toMatchObject({ ok: true })
    const second = await buy(cloud, 1)
    expect(second).toMatchObject({ ok: true })

    // A cancel in another instance is seen here once the mark has expired.
    expect(await buy(cloud, 1)).toEqual(refused)
    const otherInstance = { ...cloud.deps({ openid: memberId(1) }), db: countingCalls(cloud.db).db }
    expect(await handle(order, { action: 'cancel', orderId: second.data._id }, otherInstance)).toMatchObject({ ok: true })
    expect(await buy(cloud, 1)).toEqual(refused)
    cloud.clock.advance(MARK_MS)
    expect(await buy(cloud, 1)).toMatchObject({ ok: true })
    await expectClean()
  })

  it('tells a member how many are left when they ask for more', async () => {
    await seedSale(cloud, { quantity: 3, perMemberLimit: 3 })
    await buy(cloud, 1, { qty: 2 })
    expect(await buy(cloud, 2, { qty: 2 })).toEqual({ ok: false, code: 'SOLD_OUT', message: '仅剩 1 件' })
    expect(await buy(cloud, 2, { qty: 1 })).toMatchObject({ ok: true })
  })

  it('stops selling at once when the operator pulls the kill switch', async () => {
    await seedSale(cloud)
    expect(await buy(cloud, 1)).toMatchObject({ ok: true })
    await cloud.db.update('flashSales', { _id: 'sale-longjing' }, { set: { status: 'stopped', stoppedAt: cloud.clock.now() } })
    expect(await buy(cloud, 2)).toEqual({ ok: false, code: 'ENDED', message: '活动已停止' })
    expect(await sale()).toMatchObject({ left: 99, reserved: 1 })
  })

  // An operator's save on another instance: this instance's memory of the sale is not told.
  async function editElsewhere(fields: Partial<FlashSale>) {
    cloud.clock.advance(1)
    await cloud.db.update('flashSales', { _id: 'sale-longjing' }, { set: { ...fields, updatedAt: cloud.clock.now() } })
  }

  it('reads the sale once for a rush of orders, and again a moment later', async () => {
    await seedSale(cloud)
    await joinGroup(cloud, 'G-core', 20, 40)
    const counted = countingCalls(cloud.db)
    const buyHere = (n: number) => buy(cloud, n, { db: counted.db })
    for (let n = 20; n < 30; n++) expect(await buyHere(n)).toMatchObject({ ok: true })
    expect(counted.reads('flashSales')).toBe(1)
    cloud.clock.advance(MARK_MS)
    for (let n = 30; n < 40; n++) expect(await buyHere(n)).toMatchObject({ ok: true })
    expect(counted.reads('flashSales')).toBe(2)
    expect(await sale()).toMatchObject({ left: 80, reserved: 20 })
    await expectClean()
  })

  it('refuses a member at the limit, or outside the groups, on one fresh look at the sale, not a second attempt', async () => {
    await seedSale(cloud, { perMemberLimit: 1 })
    const counted = countingCalls(cloud.db)
    const buyHere = (n: number) => buy(cloud, n, { db: counted.db })
    expect(await buyHere(1)).toMatchObject({ ok: true })
    const [saleReads, writes] = [counted.reads('flashSales'), counted.writes()]

    expect(await buyHere(1)).toEqual({ ok: false, code: 'LIMIT_REACHED', message: '每人限购 1 件' })
    // The claim was tried once (its add, then its conditional update), and the sale read once.
    expect(counted.writes() - writes).toBe(2)
    expect(counted.reads('flashSales') - saleReads).toBe(1)

    const memberReads = counted.reads('members')
    expect(await buyHere(99)).toMatchObject({ ok: false, code: 'NOT_MEMBER' })
    expect(counted.reads('members') - memberReads).toBe(1)
    expect(counted.writes() - writes).toBe(2)
  })

  it('sells at the price an operator saved a moment ago, whatever this instance read before', async () => {
    await seedSale(cloud)
    expect(await buy(cloud, 1)).toMatchObject({ ok: true, data: { unitPriceFen: 5_900 } })
    await editElsewhere({ flashPriceFen: 4_900 })
    expect(await buy(cloud, 2)).toMatchObject({ ok: true, data: { unitPriceFen: 4_900, totalFen: 4_900 } })
    expect(await sale()).toMatchObject({ left: 98, reserved: 2 })
    await expectClean()
  })

  it('follows a per-member limit an operator raised or lowered a moment ago', async () => {
    await seedSale(cloud, { perMemberLimit: 1 })
    expect(await buy(cloud, 1)).toMatchObject({ ok: true })
    await editElsewhere({ perMemberLimit: 3 })
    expect(await buy(cloud, 1)).toMatchObject({ ok: true })

    expect(await buy(cloud, 2, { qty: 2 })).toMatchObject({ ok: true })
    await editElsewhere({ perMemberLimit: 2 })
    expect(await buy(cloud, 2)).toEqual({ ok: false, code: 'LIMIT_REACHED', message: '每人限购 2 件' })
    expect(await claimOf(cloud, 2)).toMatchObject({ bought: 2 })
    expect(await sale()).toMatchObject({ left: 96, reserved: 4 })
    await expectClean()
  })

  it('asks the member to order again when an operator saves the sale while their order is taken', async () => {
    await seedSale(cloud)
    // The save lands between the order's read of the sale and its take of the units.
    const db = new Proxy(cloud.db, {
      get(target, prop, receiver) {
        if (prop !== 'update') return Reflect.get(target, prop, receiver)
        return async (coll: string, where: Record<string, unknown>, spec: unknown) => {
          if (coll === 'flashSales' && 'left' in where) {
            await target.update('flashSales', { _id: 'sale-longjing' }, { set: { title: '龙井限量秒杀（加量）', updatedAt: cloud.clock.now() + 1 } })
          }
          return target.update(coll as 'flashSales', where, spec as never)
        }
      },
    })
    const requestId = newRequestId()
    expect(await buy(cloud, 1, { requestId, db })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '活动信息刚刚更新，请重新下单',
    })
    expect(await sale()).toMatchObject({ left: 100, reserved: 0 })
    expect(await claimOf(cloud, 1)).toMatchObject({ bought: 0 })
    expect(await buy(cloud, 1, { requestId })).toMatchObject({ ok: true })
    await expectClean()
  })

  it('gives the units of a cancelled order back to the sale and the member', async () => {
    await seedSale(cloud, { perMemberLimit: 2 })
    const first = await buy(cloud, 1, { qty: 2 })
    expect(await cloud.call(order, { action: 'cancel', orderId: first.data._id }, { openid: memberId(1) })).toMatchObject({ ok: true })
    expect(await sale()).toMatchObject({ left: 100, reserved: 0 })
    expect(await claimOf(cloud, 1)).toMatchObject({ bought: 0 })
    expect(await buy(cloud, 1, { qty: 2 })).toMatchObject({ ok: true })
    expect((await cloud.db.get('products', 'p-longjing'))?.stock).toBe(50)
    await expectClean()
  })

  it('expires unpaid orders and gives their units back to the sale, not the product', async () => {
    await seedSale(cloud, { quantity: 2, perMemberLimit: 2 })
    const unpaid = await buy(cloud, 1, { qty: 2 })
    expect(await buy(cloud, 2)).toMatchObject({ code: 'SOLD_OUT' })

    cloud.clock.advance(cloud.config.orderTtlMs)
    expect(await cloud.call(cron, {}, TIMER)).toMatchObject({ ok: true, data: { expired: 1 } })
    expect(await cloud.db.get('orders', unpaid.data._id)).toMatchObject({ status: 'expired' })
    expect(await sale()).toMatchObject({ left: 2, reserved: 0, paid: 0 })
    expect(await claimOf(cloud, 1)).toMatchObject({ bought: 0 })
    expect((await cloud.db.get('products', 'p-longjing'))?.stock).toBe(50)
    // The sold-out answer does not outlive the units coming back.
    expect(await buy(cloud, 2)).toMatchObject({ ok: true })
    await expectClean()
  })

  it('counts a paid order as paid on the sale and as sold on the product', async () => {
    await seedSale(cloud)
    const created = await buy(cloud, 1, { qty: 2 })
    await cloud.call(order, { action: 'pay', orderId: created.data._id }, { openid: memberId(1) })
    expect(await cloud.pay.complete(created.data._id)).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(await sale()).toMatchObject({ left: 98, reserved: 0, paid: 2 })
    expect(await cloud.db.get('products', 'p-longjing')).toMatchObject({ stock: 50, sold: 2 })
    await expectClean()
  })

  it('refunds a payment that lands after the order expired, leaving the sale as it was', async () => {
    await seedSale(cloud)
    const created = await buy(cloud, 1, { qty: 2 })
    await cloud.call(order, { action: 'pay', orderId: created.data._id }, { openid: memberId(1) })
    cloud.clock.advance(cloud.config.orderTtlMs)
    await cloud.call(cron, {}, TIMER)
    expect(await sale()).toMatchObject({ left: 100, reserved: 0, paid: 0 })

    expect(await cloud.pay.complete(created.data._id)).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(await cloud.db.get('orders', created.data._id)).toMatchObject({ status: 'refunded', refundReason: '订单已超时关闭，付款已原路退回' })
    expect(await cloud.pay.queryOrder(created.data._id)).toMatchObject({ tradeState: 'REFUND' })
    expect(await sale()).toMatchObject({ left: 100, reserved: 0, paid: 0 })
    expect(await cloud.db.get('products', 'p-longjing')).toMatchObject({ stock: 50, sold: 0 })
    await expectClean()
  })
})
