import {
  canTransition,
  holdsStock,
  nextStatus,
  ORDER_STATUSES,
  ORDER_STATUS_TEXT,
  type OrderEvent,
  type OrderStatus,
} from '@core/order/status'

const EVENTS: OrderEvent[] = ['pay', 'cancel', 'expire', 'refund']

/** Every allowed move, spelled out independently of the table under test. */
const ALLOWED: Array<[OrderStatus, OrderEvent, OrderStatus]> = [
  ['pending', 'pay', 'paid'],
  ['pending', 'cancel', 'cancelled'],
  ['pending', 'expire', 'expired'],
  ['paid', 'refund', 'refunded'],
  ['cancelled', 'refund', 'refunded'],
  ['expired', 'refund', 'refunded'],
]

describe('order status', () => {
  it.each(ALLOWED)('moves a %s order on %s to %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to)
    expect(canTransition(from, event)).toBe(true)
  })

  it('does not allow invalid transitions', () => {
    for (const from of ORDER_STATUSES) {
      for (const event of EVENTS) {
        const allowed = ALLOWED.some(([f, e]) => f === from && e === event)
        if (allowed) continue
        expect([from, event, nextStatus(from, event)]).toEqual([from, event, null])
        expect(canTransition(from, event)).toBe(false)
      }
    }
  })

  it('never leaves a refunded order', () => {
    for (const event of EVENTS) expect(canTransition('refunded', event)).toBe(false)
  })

  it('cannot pay an order twice or pay a closed order', () => {
    for (const from of ORDER_STATUSES.filter((s) => s !== 'pending')) {
      expect(canTransition(from, 'pay')).toBe(false)
    }
  })

  it('says which statuses hold stock', () => {
    expect(ORDER_STATUSES.filter(holdsStock)).toEqual(['pending', 'paid'])
  })

  it('has a Chinese label for every status', () => {
    for (const status of ORDER_STATUSES) expect(ORDER_STATUS_TEXT[status]).toMatch(/\p{Script=Han}/u)
  })
})
