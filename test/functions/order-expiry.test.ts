import cron from '../../cloudfunctions/cron/function'
import order from '../../cloudfunctions/order/function'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { member, newRequestId, seedProduct, TIMER } from './builders'

const MINUTE = 60_000

describe('unpaid orders expire', () => {
  let cloud: TestCloud

  beforeEach(() => {
    cloud = createTestCloud()
  })
  afterEach(() => cloud.close())

  async function buy(productId: string, openid = member(1), qty = 1): Promise<string> {
    const res = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId, qty }, { openid })
    expect(res).toMatchObject({ ok: true })
    return res.data._id
  }

  it('expires an unpaid order after the TTL and gives its stock back', async () => {
    const product = await seedProduct(cloud, { stock: 10 })
    const orderId = await buy(product._id, member(1), 4)
    expect((await cloud.db.get('products', product._id))?.stock).toBe(6)

    cloud.clock.advance(15 * MINUTE - 1)
    expect(await cloud.call(cron, { Type: 'Timer', TriggerName: 'everyMinute', Time: '2026-11-18T02:14:59Z' }, TIMER)).toEqual({
      ok: true,
      data: { expired: 0, more: false },
    })
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'pending' })

    cloud.clock.advance(1)
    expect(await cloud.call(cron, {}, TIMER)).toEqual({ ok: true, data: { expired: 1, more: false } })
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'expired', closedAt: cloud.clock.now() })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(10)

    // A second run finds nothing and returns nothing twice.
    expect(await cloud.call(cron, {}, TIMER)).toEqual({ ok: true, data: { expired: 0, more: false } })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(10)
  })

  it('follows the configured TTL', async () => {
    cloud.close()
    cloud = createTestCloud({ config: { orderTtlMs: 2 * MINUTE } })
    const product = await seedProduct(cloud, { stock: 1 })
    const orderId = await buy(product._id)
    cloud.clock.advance(2 * MINUTE)
    await cloud.call(cron, {}, TIMER)
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'expired' })
  })

  it('expires more than one batch of 100 in a run, leaving paid and fresh orders alone', async () => {
    const product = await seedProduct(cloud, { stock: 300 })
    await Promise.all(Array.from({ length: 250 }, (_, i) => buy(product._id, member(i))))
    const paidId = await buy(product._id, member(999))
    await cloud.call(order, { action: 'pay', orderId: paidId }, { openid: member(999) })
    await cloud.pay.complete(paidId)

    cloud.clock.advance(15 * MINUTE)
    const freshId = await buy(product._id, member(1000))

    expect(await cloud.call(cron, {}, TIMER)).toEqual({ ok: true, data: { expired: 250, more: false } })
    expect(await cloud.db.count('orders', { status: 'expired' })).toBe(250)
    expect(await cloud.db.get('orders', paidId)).toMatchObject({ status: 'paid' })
    expect(await cloud.db.get('orders', freshId)).toMatchObject({ status: 'pending' })
    expect(await cloud.db.get('products', product._id)).toMatchObject({ stock: 298, sold: 1 })
  })

  it('returns stock once when timer runs overlap', async () => {
    const product = await seedProduct(cloud, { stock: 20 })
    await Promise.all(Array.from({ length: 20 }, (_, i) => buy(product._id, member(i))))
    cloud.clock.advance(15 * MINUTE)
    const runs = await Promise.all(Array.from({ length: 3 }, () => cloud.call(cron, {}, TIMER)))
    expect(runs.every((r) => r.ok)).toBe(true)
    expect((await cloud.db.get('products', product._id))?.stock).toBe(20)
    expect(await cloud.db.count('orders', { status: 'expired' })).toBe(20)
  })

  it('refuses to pay an order whose time is up and closes it', async () => {
    const product = await seedProduct(cloud, { stock: 5 })
    const orderId = await buy(product._id)
    cloud.clock.advance(15 * MINUTE)
    const res = await cloud.call(order, { action: 'pay', orderId }, { openid: member(1) })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'expired' })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(5)
  })

  it('runs on the event a real timer trigger sends, with its Message and any field the cloud adds', async () => {
    const product = await seedProduct(cloud, { stock: 5 })
    await buy(product._id, member(1), 2)
    cloud.clock.advance(15 * MINUTE)
    // Tencent SCF timer triggers (which WeChat's run on) carry `Message` (empty unless configured).
    const event = { Type: 'Timer', TriggerName: 'everyMinute', Time: '2026-11-18T02:15:00Z', Message: '', RequestId: 'abc' }
    expect(await cloud.call(cron, event, TIMER)).toEqual({ ok: true, data: { expired: 1, more: false } })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(5)
  })

  it('refuses to run for a member', async () => {
    const product = await seedProduct(cloud, { stock: 5 })
    await buy(product._id)
    cloud.clock.advance(15 * MINUTE)
    expect(await cloud.call(cron, {}, { openid: member(1) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.db.count('orders', { status: 'pending' })).toBe(1)
  })
})
