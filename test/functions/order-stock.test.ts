import order from '../../cloudfunctions/order/function'
import { orderIdFor } from '../../cloudfunctions/core/order/ids'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { member, newRequestId, seedProduct } from './builders'

describe('order stock under concurrency', () => {
  let cloud: TestCloud

  beforeEach(() => {
    cloud = createTestCloud()
  })
  afterEach(() => cloud.close())

  it('sells exactly 50 units to 200 members buying at once', async () => {
    const product = await seedProduct(cloud, { stock: 50 })
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }, { openid: member(i) }),
      ),
    )
    const codes = results.map((r) => (r.ok ? 'OK' : r.code))
    expect(codes.filter((c) => c === 'OK')).toHaveLength(50)
    expect(codes.filter((c) => c === 'SOLD_OUT')).toHaveLength(150)
    expect((await cloud.db.get('products', product._id))?.stock).toBe(0)
    expect(await cloud.db.count('orders', {})).toBe(50)
    expect(await cloud.db.count('orders', { status: 'pending', productId: product._id })).toBe(50)
    expect(cloud.errors).toEqual([])
  })

  it('never oversells when members ask for different quantities at once', async () => {
    const product = await seedProduct(cloud, { stock: 37 })
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: (i % 3) + 1 }, { openid: member(i) }),
      ),
    )
    const taken = results.filter((r) => r.ok).reduce((sum, r) => sum + r.data.qty, 0)
    const left = (await cloud.db.get('products', product._id))!.stock
    expect(left).toBeGreaterThanOrEqual(0)
    expect(taken + left).toBe(37)
    const orders = await cloud.db.query('orders', {}, { limit: 100 })
    expect(orders.reduce((sum, o) => sum + o.qty, 0)).toBe(taken)
  })

  it('answers a replayed requestId with the first order and takes stock once', async () => {
    const product = await seedProduct(cloud, { stock: 10 })
    const input = { action: 'create', requestId: newRequestId(), productId: product._id, qty: 2 }
    const first = await cloud.call(order, input, { openid: member(1) })
    cloud.clock.advance(60_000)
    const replay = await cloud.call(order, input, { openid: member(1) })
    expect(replay).toEqual(first)
    expect((await cloud.db.get('products', product._id))?.stock).toBe(8)
    expect(await cloud.db.count('orders', {})).toBe(1)
  })

  it('answers 20 concurrent replays with one order and takes stock once', async () => {
    const product = await seedProduct(cloud, { stock: 50 })
    const input = { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }
    const results = await Promise.all(Array.from({ length: 20 }, () => cloud.call(order, input, { openid: member(1) })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => r.data._id))).toEqual(new Set([orderIdFor(member(1), input.requestId)]))
    expect(new Set(results.map((r) => r.data.createdAt)).size).toBe(1)
    expect((await cloud.db.get('products', product._id))?.stock).toBe(49)
    expect(await cloud.db.count('orders', {})).toBe(1)
  })

  it('answers a replay of the last unit with the order even when racing for it', async () => {
    const product = await seedProduct(cloud, { stock: 1 })
    const input = { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }
    const results = await Promise.all(Array.from({ length: 5 }, () => cloud.call(order, input, { openid: member(1) })))
    const ids = results.filter((r) => r.ok).map((r) => r.data._id)
    expect(ids.length).toBeGreaterThanOrEqual(1)
    expect(new Set(ids).size).toBe(1)
    expect((await cloud.db.get('products', product._id))?.stock).toBe(0)
    expect(await cloud.db.count('orders', {})).toBe(1)
  })

  it('refuses a requestId reused for a different purchase', async () => {
    const product = await seedProduct(cloud, { stock: 10 })
    const requestId = newRequestId()
    await cloud.call(order, { action: 'create', requestId, productId: product._id, qty: 1 }, { openid: member(1) })
    const reused = await cloud.call(order, { action: 'create', requestId, productId: product._id, qty: 3 }, { openid: member(1) })
    expect(reused).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(9)
  })

  it('gives the stock back when the member cancels, once however often they cancel', async () => {
    const product = await seedProduct(cloud, { stock: 10 })
    const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 3 }, { openid: member(1) })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(7)

    const cancels = await Promise.all(
      Array.from({ length: 5 }, () => cloud.call(order, { action: 'cancel', orderId: created.data._id }, { openid: member(1) })),
    )
    for (const res of cancels) expect(res).toMatchObject({ ok: true, data: { status: 'cancelled' } })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(10)
    expect(await cloud.call(order, { action: 'cancel', orderId: created.data._id }, { openid: member(1) })).toMatchObject({
      ok: true,
      data: { status: 'cancelled', closedAt: cloud.clock.now() },
    })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(10)
  })

  it('refuses to cancel a paid order', async () => {
    const product = await seedProduct(cloud, { stock: 10 })
    const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }, { openid: member(1) })
    await cloud.call(order, { action: 'pay', orderId: created.data._id }, { openid: member(1) })
    await cloud.pay.complete(created.data._id)
    const res = await cloud.call(order, { action: 'cancel', orderId: created.data._id }, { openid: member(1) })
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await cloud.db.get('products', product._id)).toMatchObject({ stock: 9, sold: 1 })
  })
})
