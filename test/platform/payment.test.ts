import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalDb, type LocalDb } from '../../cloudfunctions/platform/local/db'
import { formatTimeEnd, LocalPayment, type PayNotifyEvent } from '../../cloudfunctions/platform/local/payment'

const NOW = Date.parse('2026-11-18T10:00:00+08:00')
let dir: string
let db: LocalDb
let notified: PayNotifyEvent[]
let pay: LocalPayment

const order = { outTradeNo: 'o1', totalFen: 1990, body: '茶杯', openid: 'u1', clientIp: '127.0.0.1' }

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-pay-'))
  db = createLocalDb(path.join(dir, 'pay.db'))
  notified = []
  pay = new LocalPayment({
    db,
    now: () => NOW,
    invokePayNotify: async (event) => {
      notified.push(event)
      return { errcode: 0, errmsg: 'OK' }
    },
  })
})

afterEach(() => {
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('LocalPayment', () => {
  it('hands out payment params and reports the order unpaid until the pay sheet completes', async () => {
    const params = await pay.unifiedOrder(order)
    expect(params).toMatchObject({ timeStamp: String(NOW / 1000), package: 'prepay_id=local_o1', signType: 'MD5' })
    expect(await pay.queryOrder('o1')).toEqual({ tradeState: 'NOTPAY', totalFen: 1990, transactionId: '' })
    expect(await pay.queryOrder('unknown')).toBeNull()
  })

  it('completes a payment by notifying payNotify the way WeChat Pay does', async () => {
    await pay.unifiedOrder(order)
    expect(await pay.complete('o1')).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(notified).toEqual([
      { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'o1', totalFee: 1990, transactionId: 'localo1', timeEnd: '20261118100000' },
    ])
    expect(await pay.queryOrder('o1')).toEqual({ tradeState: 'SUCCESS', totalFen: 1990, transactionId: 'localo1' })
  })

  it('re-sends the same notification when completed twice, as WeChat retries', async () => {
    await pay.unifiedOrder(order)
    await pay.complete('o1')
    await pay.complete('o1')
    expect(notified).toHaveLength(2)
    expect(notified[1]).toEqual(notified[0])
  })

  it('can take a different amount than asked, for tamper tests', async () => {
    await pay.unifiedOrder(order)
    await pay.completeWithAmount('o1', 1)
    expect(notified[0].totalFee).toBe(1)
    expect((await pay.queryOrder('o1'))!.totalFen).toBe(1)
  })

  it('refuses to complete an order that was never sent to unifiedOrder', async () => {
    await expect(pay.complete('nope')).rejects.toThrow('unknown outTradeNo')
  })

  it('refunds a paid order once per refund number and marks it refunded', async () => {
    await pay.unifiedOrder(order)
    await expect(pay.refund({ outTradeNo: 'o1', outRefundNo: 'r1', totalFen: 1990, refundFen: 1990 })).rejects.toThrow('not paid')
    await pay.complete('o1')
    await pay.refund({ outTradeNo: 'o1', outRefundNo: 'r1', totalFen: 1990, refundFen: 1990 })
    await pay.refund({ outTradeNo: 'o1', outRefundNo: 'r1', totalFen: 1990, refundFen: 1990 })
    expect((await pay.queryOrder('o1'))!.tradeState).toBe('REFUND')
    await expect(pay.refund({ outTradeNo: 'o1', outRefundNo: 'r2', totalFen: 1990, refundFen: 1 })).rejects.toThrow('exceeds')
  })

  it('refuses a second unifiedOrder for a paid order', async () => {
    await pay.unifiedOrder(order)
    await pay.complete('o1')
    await expect(pay.unifiedOrder(order)).rejects.toThrow('ORDERPAID')
  })

  it('formats timeEnd in China time', () => {
    expect(formatTimeEnd(Date.parse('2026-12-31T23:59:58Z'))).toBe('20270101075958')
  })
})
