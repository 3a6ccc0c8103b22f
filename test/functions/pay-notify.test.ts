import cron from '../../cloudfunctions/cron/function'
import order from '../../cloudfunctions/order/function'
import payNotify from '../../cloudfunctions/payNotify/function'
import { respond } from '../../cloudfunctions/platform/function'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { member, newRequestId, seedProduct, TIMER } from './builders'

const MINUTE = 60_000
const PAY_CALLBACK = { openid: '', source: 'wx_paycallback' }
const HANDLED = { errcode: 0, errmsg: 'OK' }

describe('payment notifications', () => {
  let cloud: TestCloud
  const buyer = member(1)

  beforeEach(() => {
    cloud = createTestCloud()
  })
  afterEach(() => cloud.close())

  /** A pending order with a prepaid payment, as after the member pressed "pay". */
  async function pendingOrder(stock = 10, qty = 1): Promise<{ orderId: string; productId: string; totalFen: number }> {
    const product = await seedProduct(cloud, { stock, priceFen: 12_900 })
    const created = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: product._id, qty }, { openid: buyer })
    expect(await cloud.call(order, { action: 'pay', orderId: created.data._id }, { openid: buyer })).toMatchObject({ ok: true })
    return { orderId: created.data._id, productId: product._id, totalFen: created.data.totalFen }
  }

  function notifyEvent(orderId: string, totalFee: number) {
    return { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: orderId, totalFee, transactionId: 'forged-tx', timeEnd: '20261118100000' }
  }

  it('refuses a notification that does not come from WeChat Pay', async () => {
    const { orderId, totalFen } = await pendingOrder()
    for (const as of [{ openid: buyer }, { openid: buyer, source: 'wx_paycallback_fake' }, { openid: '', source: 'wx_timer' }]) {
      const res = await cloud.call(payNotify, notifyEvent(orderId, totalFen), as)
      expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(respond(payNotify, res)).not.toEqual(HANDLED)
    }
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'pending' })
  })

  it('refuses a notification for money WeChat Pay never took', async () => {
    const { orderId, totalFen } = await pendingOrder()
    const res = await cloud.call(payNotify, notifyEvent(orderId, totalFen), PAY_CALLBACK)
    expect(res).toMatchObject({ ok: false, code: 'PAYMENT_FAILED' })
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'pending' })
  })

  it('refuses a payment of the wrong amount and leaves the order unpaid', async () => {
    const { orderId, productId, totalFen } = await pendingOrder()
    const answer = await cloud.pay.completeWithAmount(orderId, totalFen - 1)
    expect(answer).toMatchObject({ errcode: expect.any(Number) })
    expect(answer).not.toEqual(HANDLED)
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'pending' })
    expect(await cloud.db.get('products', productId)).toMatchObject({ sold: 0 })
    expect(cloud.errors.map((e) => e.message).join('\n')).toMatch(/amount/)
  })

  it('refuses a notification when WeChat Pay took a different amount than the order total', async () => {
    const { orderId, totalFen } = await pendingOrder()
    await cloud.pay.completeWithAmount(orderId, 1)
    // The event claims the right amount; queryOrder tells the truth.
    const res = await cloud.call(payNotify, notifyEvent(orderId, totalFen), PAY_CALLBACK)
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'pending' })
  })

  it('settles a payment once however many times WeChat repeats the notification', async () => {
    const { orderId, productId } = await pendingOrder(10, 2)
    expect(await cloud.pay.complete(orderId)).toEqual(HANDLED)
    const paid = await cloud.db.get('orders', orderId)
    cloud.clock.advance(MINUTE)
    const answers = await Promise.all(Array.from({ length: 5 }, () => cloud.pay.complete(orderId)))
    expect(answers).toEqual(Array(5).fill(HANDLED))
    expect(await cloud.db.get('orders', orderId)).toEqual(paid)
    expect(await cloud.db.get('products', productId)).toMatchObject({ stock: 8, sold: 2 })
  })

  it('settles concurrent first notifications once', async () => {
    const { orderId, productId } = await pendingOrder(10, 1)
    const answers = await Promise.all(Array.from({ length: 5 }, () => cloud.pay.complete(orderId)))
    expect(answers).toEqual(Array(5).fill(HANDLED))
    expect(await cloud.db.get('products', productId)).toMatchObject({ stock: 9, sold: 1 })
  })

  it('refunds a payment that lands after the order expired, and keeps the stock returned', async () => {
    const { orderId, productId, totalFen } = await pendingOrder(10, 3)
    cloud.clock.advance(15 * MINUTE)
    await cloud.call(cron, {}, TIMER)
    expect(await cloud.db.get('products', productId)).toMatchObject({ stock: 10 })

    expect(await cloud.pay.complete(orderId)).toEqual(HANDLED)
    const refunded = await cloud.db.get('orders', orderId)
    expect(refunded).toMatchObject({ status: 'refunded', refundedAt: cloud.clock.now(), refundReason: expect.stringContaining('退') })
    expect(await cloud.pay.queryOrder(orderId)).toMatchObject({ tradeState: 'REFUND', totalFen })
    expect(await cloud.db.get('products', productId)).toMatchObject({ stock: 10, sold: 0 })

    // WeChat repeats the notification: no second refund, no change.
    expect(await cloud.pay.complete(orderId)).toEqual(HANDLED)
    expect(await cloud.db.get('orders', orderId)).toEqual(refunded)
    const detail = await cloud.call(order, { action: 'detail', orderId }, { openid: buyer })
    expect(detail.data).toMatchObject({ status: 'refunded', refundReason: refunded!.refundReason })
  })

  it('refunds a payment that lands after the member cancelled', async () => {
    const { orderId, productId } = await pendingOrder(10, 1)
    await cloud.call(order, { action: 'cancel', orderId }, { openid: buyer })
    expect(await cloud.pay.complete(orderId)).toEqual(HANDLED)
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'refunded' })
    expect(await cloud.db.get('products', productId)).toMatchObject({ stock: 10, sold: 0 })
  })

  it('records the refund of a late payment when the refund went out but the status write was lost', async () => {
    const { orderId, productId } = await pendingOrder(10, 1)
    cloud.clock.advance(15 * MINUTE)
    await cloud.call(cron, {}, TIMER)
    expect(await cloud.pay.complete(orderId)).toEqual(HANDLED)
    // The instance died between the refund and the status write: the order still says expired.
    const { status: _refunded, refundedAt: _at, refundReason: _reason, transactionId: _tx, ...expired } = (await cloud.db.get('orders', orderId))!
    await cloud.db.set('orders', orderId, { ...expired, status: 'expired' })
    const refundSpy = jest.spyOn(cloud.pay, 'refund')

    // WeChat retries the notification; queryOrder now says REFUND.
    expect(await cloud.pay.complete(orderId)).toEqual(HANDLED)
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'refunded', refundReason: expect.stringContaining('退') })
    expect(refundSpy).not.toHaveBeenCalled()
    expect(await cloud.db.get('products', productId)).toMatchObject({ stock: 10, sold: 0 })
  })

  it('refuses a refunded payment on an order that never closed', async () => {
    const { orderId, totalFen } = await pendingOrder(10, 1)
    await cloud.pay.complete(orderId)
    await cloud.pay.refund({ outTradeNo: orderId, outRefundNo: `${orderId}X`, totalFen, refundFen: totalFen })
    await cloud.db.update('orders', { _id: orderId }, { set: { status: 'pending' } })
    expect(await cloud.call(payNotify, notifyEvent(orderId, totalFen), PAY_CALLBACK)).toMatchObject({ ok: false, code: 'PAYMENT_FAILED' })
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'pending' })
  })

  it('keeps a payment that lands after the expiry time but before the timer ran', async () => {
    const { orderId, productId } = await pendingOrder(10, 1)
    cloud.clock.advance(15 * MINUTE + 30_000)
    expect(await cloud.pay.complete(orderId)).toEqual(HANDLED)
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'paid' })
    await cloud.call(cron, {}, TIMER)
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'paid' })
    expect(await cloud.db.get('products', productId)).toMatchObject({ stock: 9, sold: 1 })
  })

  it('has exactly one winner when payment and expiry race', async () => {
    const { orderId, productId } = await pendingOrder(10, 1)
    cloud.clock.advance(15 * MINUTE)
    const [answer] = await Promise.all([cloud.pay.complete(orderId), cloud.call(cron, {}, TIMER)])
    expect(answer).toEqual(HANDLED)
    const settled = await cloud.db.get('orders', orderId)
    const product = await cloud.db.get('products', productId)
    if (settled!.status === 'paid') expect(product).toMatchObject({ stock: 9, sold: 1 })
    else expect([settled!.status, product!.stock, product!.sold]).toEqual(['refunded', 10, 0])
  })

  it('acknowledges a failed payment without changing the order', async () => {
    const { orderId, totalFen } = await pendingOrder()
    const res = await cloud.call(payNotify, { ...notifyEvent(orderId, totalFen), resultCode: 'FAIL' }, PAY_CALLBACK)
    expect(respond(payNotify, res)).toEqual(HANDLED)
    expect(await cloud.db.get('orders', orderId)).toMatchObject({ status: 'pending' })
  })

  it('ignores the extra fields WeChat Pay sends', async () => {
    const { orderId, totalFen } = await pendingOrder()
    await cloud.pay.complete(orderId)
    await cloud.db.update('orders', { _id: orderId }, { set: { status: 'pending' } })
    const event = { ...notifyEvent(orderId, totalFen), appid: 'wx123', bankType: 'OTHERS', cashFee: totalFen, mchId: '1900000109', userInfo: { appId: 'wx123', openId: buyer } }
    expect(await cloud.call(payNotify, event, PAY_CALLBACK)).toMatchObject({ ok: true, data: { outcome: 'paid' } })
  })

  it('answers NOT_FOUND for an order it does not know', async () => {
    const res = await cloud.call(payNotify, notifyEvent('unknown-order', 100), PAY_CALLBACK)
    expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
