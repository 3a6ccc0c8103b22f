import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { OrderStatus } from '@core/order/status'
import OrderDetail from '@/packages/order/pages/detail'
import { call } from '@/services/cloud'
import { makeOrder } from './builders'
import { taroMock } from './mocks/taro'

jest.mock('@/services/cloud', () => ({ call: jest.fn() }))

const FIFTEEN_MINUTES = 15 * 60 * 1000

async function showOrder(status: OrderStatus) {
  taroMock.setRouterParams({ id: 'ord_1' })
  const order = makeOrder({ status, expireAt: Date.now() + FIFTEEN_MINUTES })
  jest.mocked(call).mockResolvedValue({ ok: true, data: order } as never)
  render(<OrderDetail />)
  await screen.findByText('订单编号')
}

beforeEach(() => {
  taroMock.reset()
  process.env.TARO_ENV = 'h5'
})

describe('the order page', () => {
  it('offers 去支付 and 取消订单 while the order waits for payment', async () => {
    await showOrder('pending')
    expect(screen.getByText('待支付')).toBeTruthy()
    expect(screen.getByText('去支付')).toBeTruthy()
    expect(screen.getByText('取消订单')).toBeTruthy()
    expect(screen.getByText('剩余支付时间')).toBeTruthy()
  })

  it.each(['paid', 'cancelled', 'expired', 'refunded'] as const)('offers no payment once the order is %s', async (status) => {
    await showOrder(status)
    expect(screen.queryByText('去支付')).toBeNull()
    expect(screen.queryByText('取消订单')).toBeNull()
  })

  it('asks for the order it was opened with', async () => {
    await showOrder('paid')
    expect(call).toHaveBeenCalledWith('order', 'detail', { orderId: 'ord_1' })
  })
})

describe('cancelling an order', () => {
  /** The order page of a pending order, whose cancel answers `cancelled`; then a tap on 取消订单. */
  async function tapCancel(cancelled: unknown) {
    taroMock.setRouterParams({ id: 'ord_1' })
    const pending = makeOrder({ status: 'pending', expireAt: Date.now() + FIFTEEN_MINUTES })
    const paid = makeOrder({ status: 'paid' })
    let detailCalls = 0
    jest.mocked(call).mockImplementation((async (_fn: string, action: string) => {
      if (action === 'cancel') return cancelled
      // Read again after a refusal, the order shows as it is now: paid in the meantime.
      detailCalls += 1
      return { ok: true, data: detailCalls === 1 ? pending : paid }
    }) as never)
    render(<OrderDetail />)
    const button = await screen.findByText('取消订单')
    // The confirmation and the call settle within act, as the page's updates after them do.
    await act(async () => {
      fireEvent.click(button)
    })
  }

  it('asks first, then shows the order cancelled', async () => {
    await tapCancel({ ok: true, data: makeOrder({ status: 'cancelled' }) })
    await screen.findByText('订单已取消，库存已退回')
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定要取消这个订单吗？' }))
    expect(call).toHaveBeenCalledWith('order', 'cancel', { orderId: 'ord_1' })
    expect(screen.queryByText('去支付')).toBeNull()
  })

  it('cancels nothing when the member thinks again', async () => {
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    await tapCancel({ ok: true, data: makeOrder({ status: 'cancelled' }) })
    expect(Taro.showModal).toHaveBeenCalled()
    expect(call).not.toHaveBeenCalledWith('order', 'cancel', expect.anything())
    expect(screen.getByText('去支付')).toBeTruthy()
  })

  it('shows a refusal and the order as it is now', async () => {
    await tapCancel({ ok: false, code: 'CONFLICT', message: '订单已支付，不能取消' })
    await screen.findByText('支付成功，我们会尽快为你安排发货')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '订单已支付，不能取消' }))
    expect(screen.queryByText('取消订单')).toBeNull()
  })
})

describe('the order page when the payment time is up', () => {
  it('stops offering 去支付 once the countdown reaches zero, measured on the server clock', async () => {
    taroMock.setRouterParams({ id: 'ord_1' })
    // Already past its expiry by the server's clock; the server has not closed it yet.
    const expired = makeOrder({ status: 'pending', expireAt: Date.now() - 1000 })
    jest.mocked(call).mockResolvedValue({ ok: true, data: expired } as never)
    render(<OrderDetail />)
    await screen.findByText('支付已超时，订单即将关闭')
    expect(screen.queryByText('去支付')).toBeNull()
  })
})

describe('the order page for a discounted order', () => {
  it.each([
    ['flash', '秒杀优惠'],
    ['priceDay', '群友价优惠'],
  ] as const)('names the %s discount %s', async (priceSource, label) => {
    taroMock.setRouterParams({ id: 'ord_1' })
    const order = makeOrder({ status: 'paid', priceSource, qty: 1, listPriceFen: 4500, unitPriceFen: 1900, totalFen: 1900 })
    jest.mocked(call).mockResolvedValue({ ok: true, data: order } as never)
    render(<OrderDetail />)
    const row = (await screen.findByText(label)).parentElement
    expect(row?.textContent).toBe(`${label}¥26.00`)
  })
})
