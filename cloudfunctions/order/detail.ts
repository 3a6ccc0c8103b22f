import { z } from 'zod'
import { fail, ok } from '../core/errors'
import { docId } from '../core/schemas'
import { action } from '../platform/function'
import { findOwnOrder, toOrderView } from '../services/orders/view'

/** `order.detail`: one of the member's own orders; anyone else's answers NOT_FOUND. */
export const detail = action(z.object({ orderId: docId }).strict(), async ({ orderId }, deps) => {
  const openid = deps.ctx.openid
  if (!openid) return fail('UNAUTHENTICATED')
  const order = await findOwnOrder(deps.db, openid, orderId)
  return order ? ok(toOrderView(order)) : fail('NOT_FOUND')
})
