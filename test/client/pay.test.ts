import Taro from '@tarojs/taro'
import { call } from '@/services/cloud'
import { payOrder } from '@/services/pay'
import { usePaySheet } from '@/stores/paySheet'
import { useSession } from '@/stores/session'
import { makeOrder } from './builders'
import { taroMock } from './mocks/taro'

jest.mock('@/services/cloud', () => ({ call: jest.fn() }))

const payment = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'MD5', paySign: 's' }
const fetchMock = jest.fn()

beforeEach(() => {
  taroMock.reset()
  fetchMock.mockReset()
  global.fetch = fetchMock as unknown as typeof fetch
  useSession.setState({ devOpenid: 'o_demo_alice' })
  jest.mocked(call).mockImplementation((async (_fn: string, action: string) =>
    action === 'pay'
      ? { ok: true, data: { order: makeOrder(), payment } }
      : { ok: true, data: makeOrder({ status: 'paid', paidAt: 1 }) }) as never)
})

/** Waits until pay.ts has opened the simulated pay sheet. */
async function sheetOpened() {
  for (let i = 0; i < 50 && !usePaySheet.getState().request; i++) await Promise.resolve()
  expect(usePaySheet.getState().request).toMatchObject({ orderId: 'ord_1', amountFen: 9800 })
}

describe('paying in h5 (simulated WeChat Pay)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('completes the payment through the local cloud on 确认支付 and answers the paid order', async () => {
    fetchMock.mockResolvedValue({ ok: true, status: 200, text: async () => '{"errcode":0}' })
    const paying = payOrder('ord_1')
    await sheetOpened()
    usePaySheet.getState().choose(true)

    await expect(paying).resolves.toMatchObject({ ok: true, data: { status: 'paid' } })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/pay/simulate')
    expect(JSON.parse(init.body)).toEqual({ outTradeNo: 'ord_1' })
    expect(init.headers['X-Wx-Openid']).toBe('o_demo_alice')
  })

  it('takes no money when the sheet is cancelled', async () => {
    const paying = payOrder('ord_1')
    await sheetOpened()
    usePaySheet.getState().choose(false)

    await expect(paying).resolves.toMatchObject({ ok: false, code: 'PAYMENT_FAILED' })
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

describe('paying in weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  it('hands the server’s payment parameters to requestPayment', async () => {
    await expect(payOrder('ord_1')).resolves.toMatchObject({ ok: true, data: { status: 'paid' } })
    expect(Taro.requestPayment).toHaveBeenCalledWith(payment)
  })

  it('reports a cancelled WeChat Pay as not paid', async () => {
    jest.mocked(Taro.requestPayment).mockRejectedValue({ errMsg: 'requestPayment:fail cancel' })
    await expect(payOrder('ord_1')).resolves.toMatchObject({ ok: false, code: 'PAYMENT_FAILED', message: '已取消支付' })
  })
})

describe('paying in h5 when the local cloud refuses the payment', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('reports the refusal instead of waiting for a payment that will not come', async () => {
    const refusal = { ok: false, code: 'NOT_FOUND', message: '没有这笔待支付的订单' }
    fetchMock.mockResolvedValue({ ok: false, status: 404, text: async () => JSON.stringify(refusal) })
    const paying = payOrder('ord_1')
    await sheetOpened()
    usePaySheet.getState().choose(true)

    await expect(paying).resolves.toEqual(refusal)
    expect(call).not.toHaveBeenCalledWith('order', 'detail', expect.anything())
  })
})
