import { z } from 'zod'
import { fail, ok } from '../core/errors'
import { docId } from '../core/schemas'
import { action } from '../platform/function'
import type { PaymentParams } from '../platform/ports'
import { closeOrder } from '../services/orders/close'
import { settlePayment } from '../services/orders/payment'
import { findOwnOrder, toOrderView } from '../services/orders/view'

/** WeChat Pay's `body` is at most 128 bytes; 40 Chinese characters are 120. */
const PAY_BODY_CHARS = 40

/** `order.pay`: the parameters for `requestPayment` (or the local pay sheet) of a pending order. */
export const pay = action(z.object({ orderId: docId }).strict(), async ({ orderId }, deps) => {
  const openid = deps.ctx.openid
  if (!openid) return fail('UNAUTHENTICATED')
  const order = await findOwnOrder(deps.db, openid, orderId)
  if (!order) return fail('NOT_FOUND')
  if (order.status === 'paid') return fail('INVALID_STATE', '订单已支付')
  if (order.status !== 'pending') return fail('INVALID_STATE', '订单已关闭')
  if (deps.now() >= order.expireAt) {
    // Time is up but the timer has not run yet: close it now so its stock goes back.
    await closeOrder(deps, order, 'expire')
    return fail('INVALID_STATE', '订单已超时关闭')
  }
  let payment: PaymentParams
  try {
    payment = await deps.pay.unifiedOrder({
      outTradeNo: order._id,
      totalFen: order.totalFen,
      body: [...order.title].slice(0, PAY_BODY_CHARS).join(''),
      openid,
      clientIp: deps.ctx.clientIp,
    })
  } catch (error) {
    // WeChat refuses a second prepay once the money is taken (ORDERPAID), and the notification
    // may still be on its way: settle from WeChat Pay's own record instead of failing.
    const paid = await deps.pay.queryOrder(order._id)
    if (paid?.tradeState !== 'SUCCESS' || paid.totalFen !== order.totalFen) throw error
    const settled = await settlePayment(deps, order, { transactionId: paid.transactionId, paidFen: paid.totalFen })
    if (!settled.ok) return settled
    return fail('INVALID_STATE', settled.data.outcome === 'refunded' ? '订单已关闭' : '订单已支付')
  }
  return ok({ order: toOrderView(order), payment })
})
