/**
 * Settling a confirmed payment on its order. The pending -> paid write is conditional, so a
 * payment and an expiry racing each other have exactly one winner; a payment that loses (the
 * order closed first, its stock already returned) is refunded.
 */
import { fail, ok, type Result } from '../../core/errors'
import type { Order } from '../../core/model'
import { refundIdFor } from '../../core/order/ids'
import { canTransition } from '../../core/order/status'
import type { Deps } from '../../platform/ports'
import { recordSold } from '../stock'

/** A payment WeChat Pay confirmed (re-checked with queryOrder, amount already compared). */
export interface ConfirmedPayment {
  transactionId: string
  paidFen: number
  /** WeChat Pay already gave this money back (queryOrder says REFUND): record it, refund nothing. */
  refunded?: boolean
}

export type SettleOutcome = 'paid' | 'alreadyPaid' | 'refunded'

export interface Settled {
  outcome: SettleOutcome
  order: Order
}

const REFUND_REASONS: Partial<Record<Order['status'], string>> = {
  expired: '订单已超时关闭，付款已原路退回',
  cancelled: '订单已取消，付款已原路退回',
}

/** Marks the order paid, or refunds the payment when the order had closed. Idempotent. */
export async function settlePayment(
  deps: Pick<Deps, 'db' | 'pay' | 'now' | 'log'>,
  order: Order,
  payment: ConfirmedPayment,
): Promise<Result<Settled>> {
  const { db } = deps
  if (order.status === 'pending') {
    const now = deps.now()
    const change = { status: 'paid' as const, paidAt: now, transactionId: payment.transactionId, updatedAt: now }
    if ((await db.update('orders', { _id: order._id, status: 'pending' }, { set: change })) === 1) {
      await recordSold(db, order)
      return ok({ outcome: 'paid', order: { ...order, ...change } })
    }
  }

  const fresh = order.status === 'pending' ? await db.get('orders', order._id) : order
  if (!fresh) return fail('NOT_FOUND')
  switch (fresh.status) {
    case 'paid':
      if (fresh.transactionId !== payment.transactionId) {
        deps.log.error('a second payment for a paid order', { orderId: fresh._id, transactionId: payment.transactionId })
      }
      return ok({ outcome: 'alreadyPaid', order: fresh })
    case 'refunded':
      return ok({ outcome: 'refunded', order: fresh })
    case 'pending':
      // The conditional write lost to a change that has since been undone: let WeChat retry.
      return fail('CONFLICT')
    default:
      return refundLatePayment(deps, fresh, payment)
  }
}

/**
 * Returns the money of a payment that landed on a closed order. The refund goes out before the
 * status write: WeChat deduplicates on the refund number, so a retried notify may refund again
 * safely, while a status written first could hide a refund that never went out.
 */
async function refundLatePayment(
  deps: Pick<Deps, 'db' | 'pay' | 'now' | 'log'>,
  order: Order,
  payment: ConfirmedPayment,
): Promise<Result<Settled>> {
  if (!canTransition(order.status, 'refund')) return fail('INVALID_STATE')
  if (!payment.refunded) {
    await deps.pay.refund({
      outTradeNo: order._id,
      outRefundNo: refundIdFor(order._id),
      totalFen: payment.paidFen,
      refundFen: payment.paidFen,
    })
  }
  const now = deps.now()
  const change = {
    status: 'refunded' as const,
    transactionId: payment.transactionId,
    refundedAt: now,
    refundReason: REFUND_REASONS[order.status] ?? '付款已原路退回',
    updatedAt: now,
  }
  const won = await deps.db.update('orders', { _id: order._id, status: order.status }, { set: change })
  deps.log.info('refunded a payment on a closed order', { orderId: order._id, was: order.status })
  if (won === 1) return ok({ outcome: 'refunded', order: { ...order, ...change } })
  const fresh = await deps.db.get('orders', order._id)
  return fresh?.status === 'refunded' ? ok({ outcome: 'refunded', order: fresh }) : fail('CONFLICT')
}
