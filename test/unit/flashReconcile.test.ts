import { reconcileFlashSale } from '@core/flashReconcile'

const sale = { _id: 'sale-1', quantity: 10, left: 5, reserved: 2, paid: 3, perMemberLimit: 2 }

describe('reconcileFlashSale', () => {
  it('finds nothing when counters, orders and claims agree', () => {
    const orders = [
      { openid: 'a', qty: 2, status: 'pending' as const },
      { openid: 'b', qty: 2, status: 'paid' as const },
      { openid: 'c', qty: 1, status: 'paid' as const },
      { openid: 'c', qty: 1, status: 'expired' as const },
    ]
    const claims = [
      { openid: 'a', bought: 2 },
      { openid: 'b', bought: 2 },
      { openid: 'c', bought: 1 },
    ]
    const tally = reconcileFlashSale(sale, orders, claims)
    expect(tally).toEqual({ saleId: 'sale-1', quantity: 10, left: 5, reservedOrders: 2, paidOrders: 3, buyers: 3, discrepancies: [] })
  })

  it('reports counters that do not add up to the quantity', () => {
    const tally = reconcileFlashSale({ ...sale, left: 6 }, [], [])
    expect(tally.discrepancies.map((d) => d.kind)).toEqual(['counters', 'orders', 'counterVsOrders', 'counterVsOrders'])
  })

  it('reports oversold units and members over the limit', () => {
    const orders = [
      { openid: 'a', qty: 3, status: 'paid' as const },
      { openid: 'b', qty: 2, status: 'paid' as const },
    ]
    const tally = reconcileFlashSale({ ...sale, quantity: 4, left: 0, reserved: 0, paid: 5 }, orders, [
      { openid: 'a', bought: 3 },
      { openid: 'b', bought: 2 },
    ])
    const kinds = tally.discrepancies.map((d) => [d.kind, d.openid])
    expect(kinds).toContainEqual(['oversold', undefined])
    expect(kinds).toContainEqual(['overLimit', 'a'])
    expect(kinds).not.toContainEqual(['overLimit', 'b'])
  })

  it('reports a claim that differs from what the member holds', () => {
    const orders = [{ openid: 'a', qty: 1, status: 'paid' as const }]
    const tally = reconcileFlashSale({ ...sale, quantity: 1, left: 0, reserved: 0, paid: 1 }, orders, [
      { openid: 'a', bought: 2 },
      { openid: 'z', bought: 1 },
    ])
    expect(tally.discrepancies).toEqual([
      { saleId: 'sale-1', kind: 'claim', detail: 'claim says 2, orders hold 1', openid: 'a' },
      { saleId: 'sale-1', kind: 'claim', detail: 'claim says 1, orders hold 0', openid: 'z' },
    ])
  })
})
