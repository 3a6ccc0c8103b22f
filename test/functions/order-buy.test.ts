import order from '../../cloudfunctions/order/function'
import shop from '../../cloudfunctions/shop/function'
import member from '../../cloudfunctions/member/function'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { member as memberId, newRequestId, seedProduct } from './builders'

describe('buying a product', () => {
  let cloud: TestCloud
  const buyer = memberId(1)
  const other = memberId(2)

  beforeEach(() => {
    cloud = createTestCloud()
  })
  afterEach(() => cloud.close())

  it('takes a member from the product page to a paid order listed in my orders', async () => {
    const product = await seedProduct(cloud, { stock: 10, priceFen: 12_900 })
    expect(await cloud.call(member, { action: 'login' }, { openid: buyer })).toMatchObject({ ok: true })

    const page = await cloud.call(shop, { action: 'product', productId: product._id }, { openid: buyer })
    expect(page.data).toMatchObject({ priceFen: 12_900, stock: 10, soldOut: false })

    const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 2 }, { openid: buyer })
    expect(created).toMatchObject({
      ok: true,
      data: { status: 'pending', qty: 2, unitPriceFen: 12_900, totalFen: 25_800, priceSource: 'list', productId: product._id },
    })
    const orderId: string = created.data._id
    expect(created.data.expireAt).toBe(cloud.clock.now() + cloud.config.orderTtlMs)
    expect(created.data).not.toHaveProperty('openid')
    expect(created.data).not.toHaveProperty('requestId')
    expect((await cloud.db.get('products', product._id))?.stock).toBe(8)

    const pay = await cloud.call(order, { action: 'pay', orderId }, { openid: buyer })
    expect(pay).toMatchObject({ ok: true, data: { order: { _id: orderId }, payment: { package: expect.any(String) } } })

    expect(await cloud.pay.complete(orderId)).toEqual({ errcode: 0, errmsg: 'OK' })

    const detail = await cloud.call(order, { action: 'detail', orderId }, { openid: buyer })
    expect(detail).toMatchObject({ ok: true, data: { status: 'paid', transactionId: expect.any(String), paidAt: cloud.clock.now() } })

    const list = await cloud.call(order, { action: 'list' }, { openid: buyer })
    expect(list.data.items.map((o: { _id: string; status: string }) => [o._id, o.status])).toEqual([[orderId, 'paid']])
    const paidOnly = await cloud.call(order, { action: 'list', status: 'paid' }, { openid: buyer })
    expect(paidOnly.data.items).toHaveLength(1)
    const pendingOnly = await cloud.call(order, { action: 'list', status: 'pending' }, { openid: buyer })
    expect(pendingOnly.data.items).toHaveLength(0)

    expect(await cloud.db.get('products', product._id)).toMatchObject({ stock: 8, sold: 2 })
    const profile = await cloud.call(member, { action: 'profile' }, { openid: buyer })
    expect(profile.data.orderCounts).toEqual({ paid: 1 })
  })

  it('prices the order on the server whatever the product page showed', async () => {
    const product = await seedProduct(cloud, { priceFen: 9_900 })
    // The operator raises the price after the member opened the page.
    await cloud.db.update('products', { _id: product._id }, { set: { priceFen: 10_900 } })
    const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }, { openid: buyer })
    expect(created.data).toMatchObject({ unitPriceFen: 10_900, listPriceFen: 10_900, totalFen: 10_900 })
  })

  it('lists my orders newest first, twenty to a page', async () => {
    const product = await seedProduct(cloud, { stock: 99 })
    const ids: string[] = []
    for (let i = 0; i < 23; i++) {
      const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }, { openid: buyer })
      ids.push(created.data._id)
      cloud.clock.advance(1_000)
    }
    const first = await cloud.call(order, { action: 'list' }, { openid: buyer })
    expect(first.data.items.map((o: { _id: string }) => o._id)).toEqual(ids.slice().reverse().slice(0, 20))
    expect(first.data.nextSkip).toBe(20)
    const second = await cloud.call(order, { action: 'list', skip: 20 }, { openid: buyer })
    expect(second.data.items.map((o: { _id: string }) => o._id)).toEqual(ids.slice(0, 3).reverse())
    expect(second.data).not.toHaveProperty('nextSkip')
  })

  it('keeps other members orders invisible and untouchable', async () => {
    const product = await seedProduct(cloud, { stock: 5 })
    const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }, { openid: buyer })
    const orderId: string = created.data._id

    for (const act of ['detail', 'pay', 'cancel']) {
      expect(await cloud.call(order, { action: act, orderId }, { openid: other })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    expect((await cloud.call(order, { action: 'list' }, { openid: other })).data.items).toEqual([])
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'pending' })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(4)
  })

  it('gives the same requestId from two members two different orders', async () => {
    const product = await seedProduct(cloud, { stock: 5 })
    const requestId = newRequestId()
    const a = await cloud.call(order, { action: 'create', requestId, productId: product._id, qty: 1 }, { openid: buyer })
    const b = await cloud.call(order, { action: 'create', requestId, productId: product._id, qty: 1 }, { openid: other })
    expect(a.data._id).not.toBe(b.data._id)
    expect((await cloud.db.get('products', product._id))?.stock).toBe(3)
  })

  it('answers NOT_FOUND for a missing or unlisted product and takes no stock', async () => {
    const hidden = await seedProduct(cloud, { _id: 'p-hidden', status: 'unlisted', stock: 5 })
    for (const productId of ['p-missing', hidden._id]) {
      const res = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId, qty: 1 }, { openid: buyer })
      expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    expect((await cloud.db.get('products', hidden._id))?.stock).toBe(5)
    expect(await cloud.db.count('orders', {})).toBe(0)
  })

  it('answers SOLD_OUT when fewer units are left than asked for', async () => {
    const product = await seedProduct(cloud, { stock: 2 })
    const res = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 3 }, { openid: buyer })
    expect(res).toMatchObject({ ok: false, code: 'SOLD_OUT' })
    expect((await cloud.db.get('products', product._id))?.stock).toBe(2)
  })

  it('refuses to pay an order twice', async () => {
    const product = await seedProduct(cloud)
    const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }, { openid: buyer })
    await cloud.call(order, { action: 'pay', orderId: created.data._id }, { openid: buyer })
    await cloud.pay.complete(created.data._id)
    const again = await cloud.call(order, { action: 'pay', orderId: created.data._id }, { openid: buyer })
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('settles a payment WeChat took whose notification has not arrived when the member presses pay again', async () => {
    const product = await seedProduct(cloud, { stock: 5 })
    const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 2 }, { openid: buyer })
    const orderId = created.data._id
    await cloud.call(order, { action: 'pay', orderId }, { openid: buyer })
    // WeChat Pay took the money; its notification is still on the way (the order still says pending).
    await cloud.pay.complete(orderId)
    await cloud.db.update('orders', { _id: orderId }, { set: { status: 'pending' } })
    await cloud.db.update('products', { _id: product._id }, { set: { sold: 0 } })

    const again = await cloud.call(order, { action: 'pay', orderId }, { openid: buyer })
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '订单已支付' })
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'paid', transactionId: expect.any(String) })
    expect(await cloud.db.get('products', product._id)).toMatchObject({ stock: 3, sold: 2 })
    // The notification lands afterwards and changes nothing.
    expect(await cloud.pay.complete(orderId)).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(await cloud.db.get('products', product._id)).toMatchObject({ stock: 3, sold: 2 })
  })

  it('asks a caller without an openid to log in for every member action', async () => {
    const product = await seedProduct(cloud)
    const calls: Array<[typeof order | typeof member, object]> = [
      [order, { action: 'create', requestId: newRequestId(), productId: product._id, qty: 1 }],
      [order, { action: 'pay', orderId: 'o1' }],
      [order, { action: 'cancel', orderId: 'o1' }],
      [order, { action: 'list' }],
      [order, { action: 'detail', orderId: 'o1' }],
      [member, { action: 'login' }],
      [member, { action: 'profile' }],
    ]
    for (const [fn, event] of calls) {
      expect(await cloud.call(fn, event, { openid: '' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    }
    expect((await cloud.db.get('products', product._id))?.stock).toBe(50)
  })
})
