/**
 * The local WeChat Pay simulator. It keeps each prepaid order in the database (so the pay sheet
 * still works after a restart) and, when the pay sheet completes a payment, calls `payNotify`
 * with the callback event WeChat Pay sends to the function named in `unifiedOrder`.
 */
import { randomBytes } from 'node:crypto'
import type { Db, Payment, PaymentParams, PaymentQuery, UnifiedOrderRequest } from '../ports'

/** The payment callback event, as WeChat Pay delivers it to `payNotify` (fields we rely on). */
export interface PayNotifyEvent {
  returnCode: 'SUCCESS'
  resultCode: 'SUCCESS'
  outTradeNo: string
  /** Fen. */
  totalFee: number
  transactionId: string
  /** `yyyyMMddHHmmss`, China time. */
  timeEnd: string
}

export interface LocalPaymentOptions {
  db: Db
  now(): number
  /** Runs `payNotify` with this event and the context source `wx_paycallback`; returns its answer. */
  invokePayNotify(event: PayNotifyEvent): Promise<unknown>
}

interface PaymentRecord {
  outTradeNo: string
  openid: string
  body: string
  totalFen: number
  tradeState: PaymentQuery['tradeState']
  transactionId: string
  paidAt?: number
  /** outRefundNo -> refunded fen (refunds are idempotent on outRefundNo). */
  refunds: Record<string, number>
}

const KEY_PREFIX = 'localpay:'

/** `yyyyMMddHHmmss` at +08:00, as WeChat Pay formats `timeEnd`. */
export function formatTimeEnd(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14)
}

export class LocalPayment implements Payment {
  constructor(private readonly options: LocalPaymentOptions) {}

  private async load(outTradeNo: string): Promise<PaymentRecord | null> {
    const doc = await this.options.db.get('settings', KEY_PREFIX + outTradeNo)
    return doc ? (doc.value as PaymentRecord) : null
  }

  private async save(record: PaymentRecord): Promise<void> {
    const _id = KEY_PREFIX + record.outTradeNo
    await this.options.db.set('settings', _id, { _id, value: record, updatedAt: this.options.now() })
  }

  async unifiedOrder(req: UnifiedOrderRequest): Promise<PaymentParams> {
    if (!Number.isSafeInteger(req.totalFen) || req.totalFen <= 0) throw new Error('totalFen must be a positive integer')
    const existing = await this.load(req.outTradeNo)
    if (existing && existing.tradeState !== 'NOTPAY') throw new Error(`ORDERPAID: ${req.outTradeNo} is ${existing.tradeState}`)
    if (existing && existing.totalFen !== req.totalFen) throw new Error('INVALID_REQUEST: amount differs from the first request')
    if (!existing) {
      await this.save({
        outTradeNo: req.outTradeNo,
        openid: req.openid,
        body: req.body,
        totalFen: req.totalFen,
        tradeState: 'NOTPAY',
        transactionId: '',
        refunds: {},
      })
    }
    return {
      timeStamp: String(Math.floor(this.options.now() / 1000)),
      nonceStr: randomBytes(8).toString('hex'),
      package: `prepay_id=local_${req.outTradeNo}`,
      signType: 'MD5',
      paySign: randomBytes(16).toString('hex').toUpperCase(),
    }
  }

  async queryOrder(outTradeNo: string): Promise<PaymentQuery | null> {
    const record = await this.load(outTradeNo)
    if (!record) return null
    return { tradeState: record.tradeState, totalFen: record.totalFen, transactionId: record.transactionId }
  }

  async refund(req: { outTradeNo: string; outRefundNo: string; totalFen: number; refundFen: number }): Promise<void> {
    const record = await this.load(req.outTradeNo)
    if (!record || (record.tradeState !== 'SUCCESS' && record.tradeState !== 'REFUND')) {
      throw new Error(`refund refused: ${req.outTradeNo} was not paid`)
    }
    if (record.refunds[req.outRefundNo] !== undefined) return
    if (req.totalFen !== record.totalFen) throw new Error('refund refused: totalFen differs from the amount paid')
    const refunded = Object.values(record.refunds).reduce((sum, fen) => sum + fen, 0)
    if (!Number.isSafeInteger(req.refundFen) || req.refundFen <= 0 || refunded + req.refundFen > record.totalFen) {
      throw new Error('refund refused: amount exceeds what is left')
    }
    record.refunds[req.outRefundNo] = req.refundFen
    if (refunded + req.refundFen === record.totalFen) record.tradeState = 'REFUND'
    await this.save(record)
  }

  /**
   * What the local pay sheet does: the buyer pays the amount asked for, and WeChat Pay notifies
   * `payNotify`. Calling it again re-sends the notification (WeChat retries until answered).
   * Resolves to payNotify's answer.
   */
  complete(outTradeNo: string): Promise<unknown> {
    return this.pay(outTradeNo, null)
  }

  /**
   * Like `complete`, but the money taken (and so what `queryOrder` and the notification report)
   * is `totalFee` fen: for tests that the order amount is checked.
   */
  completeWithAmount(outTradeNo: string, totalFee: number): Promise<unknown> {
    return this.pay(outTradeNo, totalFee)
  }

  private async pay(outTradeNo: string, totalFee: number | null): Promise<unknown> {
    const record = await this.load(outTradeNo)
    if (!record) throw new Error(`unknown outTradeNo: ${outTradeNo} (call unifiedOrder first)`)
    if (record.tradeState === 'NOTPAY') {
      record.tradeState = 'SUCCESS'
      record.transactionId = `local${outTradeNo}`
      record.paidAt = this.options.now()
      if (totalFee !== null) record.totalFen = totalFee
      await this.save(record)
    }
    return this.options.invokePayNotify({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo,
      totalFee: totalFee ?? record.totalFen,
      transactionId: record.transactionId,
      timeEnd: formatTimeEnd(record.paidAt ?? this.options.now()),
    })
  }
}
