import type { OrderView } from '@core/contract'

const AT = Date.UTC(2026, 10, 18, 2, 0, 0)

export function makeOrder(overrides: Partial<OrderView> = {}): OrderView {
  return {
    _id: 'ord_1',
    productId: 'p1',
    title: '手冲咖啡豆',
    image: '/files/coffee.jpg',
    qty: 2,
    listPriceFen: 4900,
    unitPriceFen: 4900,
    totalFen: 9800,
    priceSource: 'list',
    status: 'pending',
    createdAt: AT,
    expireAt: AT + 15 * 60 * 1000,
    updatedAt: AT,
    ...overrides,
  }
}
