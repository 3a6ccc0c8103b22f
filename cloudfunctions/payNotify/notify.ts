import { z } from 'zod'
import { fail, ok } from '../core/errors'
import { docId } from '../core/schemas'
import { action } from '../platform/function'
import { settlePayment, type SettleOutcome } from '../services/orders/payment'

/** The context source WeChat gives payment callbacks. */
export const PAY_CALLBACK_SOURCE = 'wx_paycallback'

/**
 * The fields we use of WeChat Pay's callback event. Not `.strict()`, unlike member-facing inputs:
 * WeChat sends some twenty more fields (appid, bankType, cashFee, ...) and may add others, and
 * refusing a real payment over a new field would take money without settling the order.
 */
export const notifyEvent = z.object({
  returnCode: z.string().max(32),
  resultCode: z.string().max(32).optional(),
  outTradeNo: docId,
  totalFee: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  transactionId: z.string().max(64).optional(),
  timeEnd: z.string().max(32).optional(),
})

export type NotifyOutcome = SettleOutcome | 'notPaid'

export const notify = action(notifyEvent, async (event, deps) => {
  if (deps.ctx.source !== PAY_CALLBACK_SOURCE) return fail('FORBIDDEN')
  if (event.returnCode !== 'SUCCESS' || event.resultCode !== 'SUCCESS') {
    return ok({ outcome: 'notPaid' as NotifyOutcome, orderId: event.outTradeNo })
  }

  const order = await deps.db.get('orders', event.outTradeNo)
  if (!order) {
    deps.log.error('payment notify for an unknown order', { orderId: event.outTradeNo })
    return fail('NOT_FOUND')
  }
  if (event.totalFee !== order.totalFen) {
    deps.log.error('payment notify amount differs from the order', { orderId: order._id, totalFee: event.totalFee })
    return fail('CONFLICT', '支付金额与订单不符')
  }

  // Already refunded: WeChat repeats the notification, and queryOrder now says REFUND.
  if (order.status === 'refunded') return ok({ outcome: 'refunded' as NotifyOutcome, orderId: order._id })

  // The event alone proves nothing; ask WeChat Pay what was actually paid.
  const paid = await deps.pay.queryOrder(order._id)
  // REFUND on a closed order: our refund of this late payment went out but its status write was
  // lost (the instance died in between); settling again records it without refunding twice.
  const refundedLate = paid?.tradeState === 'REFUND' && (order.status === 'cancelled' || order.status === 'expired')
  if (!paid || (paid.tradeState !== 'SUCCESS' && !refundedLate)) return fail('PAYMENT_FAILED')
  if (paid.totalFen !== order.totalFen) {
    deps.log.error('paid amount differs from the order', { orderId: order._id, paidFen: paid.totalFen })
    return fail('CONFLICT', '支付金额与订单不符')
  }

  const settled = await settlePayment(deps, order, {
    transactionId: paid.transactionId,
    paidFen: paid.totalFen,
    ...(refundedLate ? { refunded: true } : {}),
  })
  if (!settled.ok) return settled
  return ok({ outcome: settled.data.outcome as NotifyOutcome, orderId: order._id })
})
