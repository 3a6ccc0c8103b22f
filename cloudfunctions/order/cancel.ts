import { z } from 'zod'
import { fail, ok } from '../core/errors'
import { docId } from '../core/schemas'
import { action } from '../platform/function'
import { closeOrder } from '../services/orders/close'
import { findOwnOrder, toOrderView } from '../services/orders/view'

/** `order.cancel`: closes an unpaid order and returns its stock. Cancelling twice is harmless. */
export const cancel = action(z.object({ orderId: docId }).strict(), async ({ orderId }, deps) => {
  const openid = deps.ctx.openid
  if (!openid) return fail('UNAUTHENTICATED')
  const order = await findOwnOrder(deps.db, openid, orderId)
  if (!order) return fail('NOT_FOUND')
  const result = await closeOrder(deps, order, 'cancel')
  return result.ok ? ok(toOrderView(result.data)) : result
})
