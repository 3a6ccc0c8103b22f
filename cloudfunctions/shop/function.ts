/**
 * The `shop` function: what the shelf shows. Open to anyone (no login needed to browse).
 */
import { z } from 'zod'
import { fail, ok } from '../core/errors'
import { docId, noInput, skip } from '../core/schemas'
import { action, defineFunction } from '../platform/function'
import type { ApiActions } from '../services/api'
import { recentMember, toMemberView } from '../services/members'
import { findListedProduct, listedProducts, toProductCard, toProductView } from '../services/products'

/** Products on the home page. */
export const HOME_SIZE = 20
/** Products per page of the product list. */
export const PAGE_SIZE = 20

const actions = {
  /**
   * Everything the home page shows, in one call. The shelf and the member come from short
   * instance caches, so a view costs no database read most of the time.
   */
  home: action(noInput, async (_input, deps) => {
    const [products, member] = await Promise.all([listedProducts(deps), recentMember(deps, deps.ctx.openid)])
    return ok({
      serverNow: deps.now(),
      member: member ? toMemberView(member) : null,
      products: products.slice(0, HOME_SIZE).map(toProductCard),
    })
  }),

  products: action(z.object({ skip: skip.optional() }).strict(), async ({ skip: from = 0 }, deps) => {
    const products = await listedProducts(deps)
    const items = products.slice(from, from + PAGE_SIZE).map(toProductCard)
    const nextSkip = from + PAGE_SIZE < products.length ? from + PAGE_SIZE : undefined
    return ok(nextSkip === undefined ? { items } : { items, nextSkip })
  }),

  /** Read fresh, not cached: the buy sheet shows this stock. */
  product: action(z.object({ productId: docId }).strict(), async ({ productId }, deps) => {
    const product = await findListedProduct(deps.db, productId)
    return product ? ok(toProductView(product)) : fail('NOT_FOUND')
  }),
} satisfies ApiActions<'shop'>

export default defineFunction('shop', actions)
