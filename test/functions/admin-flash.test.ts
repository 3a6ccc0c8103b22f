/**
 * The console's flash-sale actions against real orders on the local database: the kill switch
 * stops sales at once and is audited, the live view counts, the report tells the story
 * afterwards, and reconciliation is runnable by operators.
 */
import cron from '../../cloudfunctions/cron/function'
import order from '../../cloudfunctions/order/function'
import { dumpAll, member as memberId, seedProduct, TIMER } from './builders'
import { createAdminCloud, type AdminCloud } from './admin-fixtures'
import { buy, joinGroup, MINUTE, SALE_START, seedGroups, seedSale } from './flashBuilders'

let admin: AdminCloud
let token: string

beforeEach(async () => {
  admin = await createAdminCloud()
  token = await admin.tokenFor('operator')
  await seedProduct(admin.cloud, { _id: 'p-longjing', priceFen: 12_900, stock: 50 })
  await seedGroups(admin.cloud)
  await joinGroup(admin.cloud, 'G-core', 1, 3)
  await joinGroup(admin.cloud, 'G-ordinary', 3, 5)
  admin.cloud.clock.set(SALE_START + MINUTE)
})
afterEach(() => admin.close())

const sale = () => admin.cloud.db.get('flashSales', 'sale-longjing')

async function payFor(n: number, orderId: string) {
  expect(await admin.cloud.call(order, { action: 'pay', orderId }, { openid: memberId(n) })).toMatchObject({ ok: true })
  expect(await admin.cloud.pay.complete(orderId)).toEqual({ errcode: 0, errmsg: 'OK' })
}

describe('the kill switch', () => {
  it('stops a running sale at once: the next attempt sells nothing, and the stop is audited', async () => {
    await seedSale(admin.cloud)
    expect(await buy(admin.cloud, 1)).toMatchObject({ ok: true })

    const stopped = await admin.call({ action: 'flashStop', token, saleId: 'sale-longjing' })
    expect(stopped).toMatchObject({ ok: true, data: { status: 'stopped', stoppedAt: admin.cloud.clock.now(), left: 99, reserved: 1 } })
    expect(await buy(admin.cloud, 2)).toMatchObject({ ok: false })
    expect(await sale()).toMatchObject({ left: 99, reserved: 1, paid: 0 })

    const { data } = await admin.call({ action: 'audit', token, kind: 'flashSales' })
    expect(data.items).toEqual([
      expect.objectContaining({
        operator: 'operator',
        action: 'stop',
        targetId: 'sale-longjing',
        before: expect.objectContaining({ status: 'scheduled' }),
        after: expect.objectContaining({ status: 'stopped' }),
      }),
    ])
  })

  it('answers the stopped sale again when pressed twice, logging once', async () => {
    await seedSale(admin.cloud)
    const first = await admin.call({ action: 'flashStop', token, saleId: 'sale-longjing' })
    admin.cloud.clock.advance(5_000)
    const again = await admin.call({ action: 'flashStop', token, saleId: 'sale-longjing' })
    expect(again).toEqual(first)
    expect(await admin.cloud.db.count('audit', { kind: 'flashSales' })).toBe(1)
  })

  it('refuses a viewer and an unknown sale, writing nothing', async () => {
    await seedSale(admin.cloud)
    const viewer = await admin.tokenFor('viewer')
    const before = await dumpAll(admin.cloud.db)
    expect(await admin.call({ action: 'flashStop', token: viewer, saleId: 'sale-longjing' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await admin.call({ action: 'flashStop', token, saleId: 'sale-nothing' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await admin.call({ action: 'flashStop', saleId: 'sale-longjing' })).toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(await dumpAll(admin.cloud.db)).toEqual(before)
  })

  it('keeps a stopped sale stopped: it can no longer be edited', async () => {
    await seedSale(admin.cloud, { status: 'stopped', stoppedAt: SALE_START })
    const doc = { _id: 'sale-longjing', productId: 'p-longjing', title: '再来一次', flashPriceFen: 5_900, quantity: 100, perMemberLimit: 2, tiers: [], startAt: SALE_START, endAt: SALE_START + 60 * MINUTE }
    expect(await admin.call({ action: 'upsert', token, kind: 'flashSales', doc })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })
})

describe('editing a running sale', () => {
  it('lets a member at the old limit buy at once when the operator raises it', async () => {
    await seedSale(admin.cloud, { perMemberLimit: 1 })
    expect(await buy(admin.cloud, 1)).toMatchObject({ ok: true })
    expect(await buy(admin.cloud, 1)).toMatchObject({ ok: false, code: 'LIMIT_REACHED', message: '每人限购 1 件' })
    const doc = { _id: 'sale-longjing', productId: 'p-longjing', title: '龙井秒杀', flashPriceFen: 5_900, quantity: 100, perMemberLimit: 2, tiers: [], startAt: SALE_START, endAt: SALE_START + 60 * MINUTE }
    expect(await admin.call({ action: 'upsert', token, kind: 'flashSales', doc })).toMatchObject({ ok: true })
    expect(await buy(admin.cloud, 1)).toMatchObject({ ok: true, data: { unitPriceFen: 5_900 } })
    expect(await sale()).toMatchObject({ left: 98, reserved: 2 })
  })
})

describe('watching a sale live', () => {
  it('shows sold, reserved, paid, left and the orders per second of the last 10 seconds', async () => {
    await seedSale(admin.cloud)
    const first = await buy(admin.cloud, 1, { qty: 2 })
    await buy(admin.cloud, 2)
    await buy(admin.cloud, 3)
    await payFor(1, first.data._id)

    const live = await admin.call({ action: 'flashLive', token, saleId: 'sale-longjing' })
    expect(live.data).toMatchObject({ state: 'running', sold: 4, ordersPerSecond: 0.3, serverNow: admin.cloud.clock.now() })
    expect(live.data.sale).toMatchObject({ quantity: 100, left: 96, reserved: 2, paid: 2 })

    admin.cloud.clock.advance(10_000)
    expect((await admin.call({ action: 'flashLive', token, saleId: 'sale-longjing' })).data.ordersPerSecond).toBe(0)
  })
})

describe('a sale afterwards', () => {
  it('reports sell-through time, paid rate and buyers by group', async () => {
    await seedSale(admin.cloud, { quantity: 3, perMemberLimit: 2 })
    const core = await buy(admin.cloud, 1, { qty: 2 })
    admin.cloud.clock.advance(2_000)
    // The last unit goes 2 s after member 1's order. Member 3 never pays, so that unit comes
    // back when the order expires, and member 4 buys it later: the sale first sold out at 3's order.
    expect(await buy(admin.cloud, 3)).toMatchObject({ ok: true })
    const soldOutAt = admin.cloud.clock.now()
    expect(await buy(admin.cloud, 4)).toMatchObject({ code: 'SOLD_OUT' })
    await payFor(1, core.data._id)
    admin.cloud.clock.advance(admin.cloud.config.orderTtlMs)
    await admin.cloud.call(cron, {}, TIMER)
    const late = await buy(admin.cloud, 4)
    await payFor(4, late.data._id)

    const { data } = await admin.call({ action: 'flashReport', token, saleId: 'sale-longjing' })
    expect(data).toMatchObject({
      sellThroughMs: soldOutAt - SALE_START,
      orderedUnits: 4,
      paidUnits: 3,
      paidRate: 0.75,
      buyers: 2,
      buyersWithoutGroup: 0,
    })
    expect(data.buyersByGroup).toEqual(
      expect.arrayContaining([
        { opengid: 'G-core', name: '龙井核心群', buyers: 1, paidUnits: 2 },
        { opengid: 'G-ordinary', name: '茶友普通群', buyers: 1, paidUnits: 1 },
      ]),
    )
    expect(data.buyersByGroup).toHaveLength(2)
  })

  it('reports no sell-through time for a sale that did not sell out', async () => {
    await seedSale(admin.cloud)
    await buy(admin.cloud, 1)
    const { data } = await admin.call({ action: 'flashReport', token, saleId: 'sale-longjing' })
    expect(data).toMatchObject({ sellThroughMs: null, orderedUnits: 1, paidUnits: 0, paidRate: 0, buyers: 1 })
  })
})

describe('reconciliation from the console', () => {
  it('finds every sale clean after real orders, and names the sale whose counters disagree', async () => {
    await seedSale(admin.cloud)
    await seedSale(admin.cloud, { _id: 'sale-other', startAt: SALE_START + 120 * MINUTE, endAt: SALE_START + 180 * MINUTE })
    const first = await buy(admin.cloud, 1, { qty: 2 })
    await buy(admin.cloud, 2)
    await payFor(1, first.data._id)

    const clean = await admin.call({ action: 'flashReconcile', token })
    expect(clean.data).toMatchObject({ clean: true, checkedAt: admin.cloud.clock.now() })
    expect(clean.data.sales).toHaveLength(2)

    await admin.cloud.db.update('flashSales', { _id: 'sale-longjing' }, { inc: { left: 1 } })
    const broken = await admin.call({ action: 'flashReconcile', token, saleId: 'sale-longjing' })
    expect(broken.data.clean).toBe(false)
    expect(broken.data.sales[0].discrepancies).toEqual(expect.arrayContaining([expect.objectContaining({ saleId: 'sale-longjing', kind: 'counters' })]))
  })
})
