import { orderIdFor, refundIdFor, ORDER_ID_LENGTH } from '@core/order/ids'

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
    expect(id).toMatch(new RegExp(`^[0-9a-f]{${ORDER_ID_LENGTH}}$`))
    expect(id.length).toBeLessThanOrEqual(32)
    expect(id).not.toContain('oAbCdEf')
  })

  it('names one refund per order', () => {
    expect(refundIdFor('abc')).toBe(refundIdFor('abc'))
    expect(refundIdFor('abc')).not.toBe('abc')
  })
})
