/**
 * Paying for an order: `order.pay` gets the payment parameters, then WeChat Pay takes the money
 * (`requestPayment` in weapp; in h5, which only runs against the local cloud, a simulated pay
 * sheet whose confirm asks the local cloud to complete the payment the way WeChat would, by
 * invoking payNotify). The order is paid only once the server says so: we re-fetch it.
 */
import Taro from '@tarojs/taro'
import type { OrderView, OutputOf } from '@core/contract'
import { fail, isErrorCode, ok, type Result } from '@core/errors'
import { usePaySheet } from '@/stores/paySheet'
import { call } from './cloud'
import { postJson } from './http'
import { devIdentity } from './identity'

type PaymentParams = OutputOf<'order', 'pay'>['payment']

const CONFIRM_TRIES = 10
const CONFIRM_INTERVAL_MS = 600

const cancelled = () => fail('PAYMENT_FAILED', '已取消支付')

async function payInWechat(payment: PaymentParams): Promise<Result<null>> {
  try {
    await Taro.requestPayment({ ...payment, signType: payment.signType as 'MD5' | 'HMAC-SHA256' | 'RSA' })
    return ok(null)
  } catch (error) {
    const errMsg = (error as { errMsg?: string } | null)?.errMsg ?? ''
    return errMsg.includes('cancel') ? cancelled() : fail('PAYMENT_FAILED')
  }
}

async function payInSimulator(order: OrderView): Promise<Result<null>> {
  const confirmed = await usePaySheet.getState().open({ orderId: order._id, title: order.title, amountFen: order.totalFen })
  if (!confirmed) return cancelled()
  let answer: unknown
  try {
    answer = await postJson('/pay/simulate', { outTradeNo: order._id }, await devIdentity())
  } catch {
    return fail('NETWORK')
  }
  const refused = answer as { ok?: unknown; code?: unknown; message?: unknown } | null
  if (refused?.ok === false) {
    return isErrorCode(refused.code) && typeof refused.message === 'string'
      ? fail(refused.code, refused.message)
      : fail('PAYMENT_FAILED')
  }
  return ok(null)
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Re-fetches the order until the payment notification has landed (or the order left pending). */
async function confirmPaid(orderId: string): Promise<Result<OrderView>> {
  for (let i = 0; i < CONFIRM_TRIES; i++) {
    const detail = await call('order', 'detail', { orderId })
    if (detail.ok && detail.data.status !== 'pending') return detail
    await wait(CONFIRM_INTERVAL_MS)
  }
  return fail('PAYMENT_FAILED', '支付结果确认中，请稍后刷新订单')
}

/** Pays a pending order; resolves with the order as the server has it afterwards. */
export async function payOrder(orderId: string): Promise<Result<OrderView>> {
  const started = await call('order', 'pay', { orderId })
  if (!started.ok) return started
  const paid =
    process.env.TARO_ENV === 'h5' ? await payInSimulator(started.data.order) : await payInWechat(started.data.payment)
  if (!paid.ok) return paid
  return confirmPaid(orderId)
}
