/**
 * The payment port over cloudPay (WeChat Pay through the cloud's private channel). The pay
 * result is delivered to the `payNotify` function in the same environment.
 */
import { randomBytes } from 'node:crypto'
import type { CloudPay } from 'wx-server-sdk'
import type { Payment, PaymentParams, PaymentQuery, UnifiedOrderRequest } from '../ports'

export const PAY_NOTIFY_FUNCTION = 'payNotify'

export interface WechatPaymentOptions {
  cloudPay: CloudPay.Api
  /** The environment that hosts `payNotify`, asked at each unifiedOrder. */
  envId(): string
  /** The merchant number bound to the environment (env `WX_SUB_MCH_ID`). */
  subMchId: string
}

const TRADE_STATES: ReadonlySet<string> = new Set<PaymentQuery['tradeState']>([
  'SUCCESS',
  'NOTPAY',
  'CLOSED',
  'REFUND',
  'PAYERROR',
  'USERPAYING',
])

function nonceStr(): string {
  return randomBytes(16).toString('hex')
}

function failure(api: string, res: CloudPay.Result): Error {
  const detail = [res.errCode, res.errCodeDes ?? res.returnMsg].filter(Boolean).join(' ')
  return new Error(`cloudPay.${api} failed: ${detail || res.returnCode}`)
}

function succeeded(res: CloudPay.Result): boolean {
  return res.returnCode === 'SUCCESS' && res.resultCode === 'SUCCESS'
}

export class WechatPayment implements Payment {
  constructor(private readonly options: WechatPaymentOptions) {}

  async unifiedOrder(req: UnifiedOrderRequest): Promise<PaymentParams> {
    if (!this.options.subMchId) throw new Error('WX_SUB_MCH_ID is not set: cannot take payments')
    // The payer's openid is not passed: cloudPay takes it from the calling user's context.
    const res = await this.options.cloudPay.unifiedOrder({
      body: req.body.slice(0, 40),
      outTradeNo: req.outTradeNo,
      spbillCreateIp: req.clientIp || '127.0.0.1',
      subMchId: this.options.subMchId,
      totalFee: req.totalFen,
      envId: this.options.envId(),
      functionName: PAY_NOTIFY_FUNCTION,
      nonceStr: nonceStr(),
      tradeType: 'JSAPI',
    })
    if (!succeeded(res) || !res.payment) throw failure('unifiedOrder', res)
    const { timeStamp, nonceStr: nonce, package: pkg, signType, paySign } = res.payment
    return { timeStamp, nonceStr: nonce, package: pkg, signType, paySign }
  }

  async queryOrder(outTradeNo: string): Promise<PaymentQuery | null> {
    const res = await this.options.cloudPay.queryOrder({ subMchId: this.options.subMchId, outTradeNo, nonceStr: nonceStr() })
    if (res.returnCode === 'SUCCESS' && res.errCode === 'ORDERNOTEXIST') return null
    if (!succeeded(res)) throw failure('queryOrder', res)
    const state = res.tradeState ?? ''
    return {
      tradeState: (TRADE_STATES.has(state) ? state : 'PAYERROR') as PaymentQuery['tradeState'],
      totalFen: res.totalFee ?? 0,
      transactionId: res.transactionId ?? '',
    }
  }

  async refund(req: { outTradeNo: string; outRefundNo: string; totalFen: number; refundFen: number }): Promise<void> {
    const res = await this.options.cloudPay.refund({
      subMchId: this.options.subMchId,
      nonceStr: nonceStr(),
      outTradeNo: req.outTradeNo,
      outRefundNo: req.outRefundNo,
      totalFee: req.totalFen,
      refundFee: req.refundFen,
    })
    if (!succeeded(res)) throw failure('refund', res)
  }
}
