import { render, screen } from '@testing-library/react'
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
