/**
 * Order status as a string union plus a transition table. Every status change in the system
 * goes through `canTransition`, and the database write is conditional on the old status.
 */
export const ORDER_STATUSES = ['pending', 'paid', 'cancelled', 'expired', 'refunded'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export type OrderEvent = 'pay' | 'cancel' | 'expire' | 'refund'

/** from -> event -> to. Anything not listed is refused. */
export const ORDER_TRANSITIONS: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
  pending: { pay: 'paid', cancel: 'cancelled', expire: 'expired' },
  paid: { refund: 'refunded' },
  // A payment can land on a closed order (the buyer paid as it expired, or paid on one phone
  // while cancelling on another): the money is refunded and the order says so.
  cancelled: { refund: 'refunded' },
  expired: { refund: 'refunded' },
  refunded: {},
}

/** The status an order moves to on `event`, or null when the table does not allow it. */
export function nextStatus(from: OrderStatus, event: OrderEvent): OrderStatus | null {
  return ORDER_TRANSITIONS[from][event] ?? null
}

export function canTransition(from: OrderStatus, event: OrderEvent): boolean {
  return nextStatus(from, event) !== null
}

/** Statuses that hold stock (reserved or sold). */
export function holdsStock(status: OrderStatus): boolean {
  return status === 'pending' || status === 'paid'
}

export const ORDER_STATUS_TEXT = {
  pending: '待支付',
  paid: '已支付',
  cancelled: '已取消',
  expired: '已过期',
  refunded: '已退款',
} as const satisfies Record<OrderStatus, string>
