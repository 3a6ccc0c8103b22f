import { z } from 'zod'
import { fail, ok } from '../core/errors'
import { docId, qty, requestId } from '../core/schemas'
import { action } from '../platform/function'
import { createOrder } from '../services/orders/create'
import { toOrderView } from '../services/orders/view'

/**
 * `order.create`: reserve stock and write a pending order; replaying a requestId answers the first
 * order. With `saleId` the units, price and per-member limit are the flash sale's.
 */
export const create = action(
  z.object({ requestId, productId: docId, qty, saleId: docId.optional() }).strict(),
  async (input, deps) => {
    const openid = deps.ctx.openid
    if (!openid) return fail('UNAUTHENTICATED')
    const result = await createOrder(deps, openid, input)
    return result.ok ? ok(toOrderView(result.data)) : result
  },
)
