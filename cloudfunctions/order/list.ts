import { z } from 'zod'
import { fail, ok } from '../core/errors'
import type { Order } from '../core/model'
import { orderStatus, skip } from '../core/schemas'
import { action } from '../platform/function'
import type { Where } from '../platform/ports'
import { toOrderView } from '../services/orders/view'

/** Orders per page of "my orders". */
export const ORDERS_PAGE = 20

/** `order.list`: the member's own orders, newest first, optionally of one status. */
export const list = action(
  z.object({ status: orderStatus.optional(), skip: skip.optional() }).strict(),
  async ({ status, skip: from = 0 }, deps) => {
    const openid = deps.ctx.openid
    if (!openid) return fail('UNAUTHENTICATED')
    const where: Where<Order> = status ? { openid, status } : { openid }
    // One extra row tells whether there is a next page without a count query.
    const rows = await deps.db.query('orders', where, {
      orderBy: [['createdAt', 'desc'], ['_id', 'desc']],
      limit: ORDERS_PAGE + 1,
      skip: from,
    })
    const items = rows.slice(0, ORDERS_PAGE).map(toOrderView)
    return ok(rows.length > ORDERS_PAGE ? { items, nextSkip: from + ORDERS_PAGE } : { items })
  },
)
