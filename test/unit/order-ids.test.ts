import { orderIdFor, refundIdFor, ORDER_ID_LENGTH } from '@core/order/ids'
import { newRequestId } from '@/utils/requestId'

describe('order ids', () => {
  it('derives the same id from the same member and requestId', () => {
    expect(orderIdFor('openid-a', 'req-00000001')).toBe(orderIdFor('openid-a', 'req-00000001'))
  })

  it('derives different ids for different members or requests', () => {
    const ids = new Set([
      orderIdFor('openid-a', 'req-00000001'),
      orderIdFor('openid-b', 'req-00000001'),
      orderIdFor('openid-a', 'req-00000002'),
      orderIdFor('openid-a:x', 'y'),
      orderIdFor('openid-a', 'x:y'),
    ])
    expect(ids.size).toBe(5)
  })

  it('fits WeChat Pay out_trade_no and does not reveal the openid', () => {
    const id = orderIdFor('oAbCdEfGhIjKlMnOpQrStUvWxYz0', 'req-00000001')
    expect(id).toMatch(new RegExp(`^[A-Za-z0-9_-]{${ORDER_ID_LENGTH}}$`))
    expect(id.length).toBeLessThanOrEqual(32)
    expect(id).not.toContain('oAbCdEf')
    expect(orderIdFor('a', 'short')).toHaveLength(ORDER_ID_LENGTH)
  })

  it('sorts the orders of the shop\'s request ids by the time they were made, whoever placed them', () => {
    const madeAt = [Date.parse('2026-12-06T20:00:00+08:00'), Date.parse('2026-12-06T20:00:00.001+08:00'), Date.parse('2026-12-06T20:00:01+08:00')]
    const ids = madeAt.map((ms, i) => orderIdFor(`openid-${3 - i}`, newRequestId(ms)))
    expect([...ids].sort()).toEqual(ids)
  })

  it('names one refund per order', () => {
    expect(refundIdFor('abc')).toBe(refundIdFor('abc'))
    expect(refundIdFor('abc')).not.toBe('abc')
  })
})
