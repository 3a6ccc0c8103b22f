/**
 * The `shop` function: what the shelf shows. Open to anyone (no login needed to browse).
 */
import { z } from 'zod'
import { fail, ok } from '../core/errors'
import { docId, noInput, skip } from '../core/schemas'
import { tiersOf } from '../core/membership'
import type { Product } from '../core/model'
import { action, defineFunction } from '../platform/function'
import type { Deps } from '../platform/ports'
import type { ApiActions } from '../services/api'
import { homeSales } from '../services/flashSales'
import { groupsOfMember } from '../services/membership'
import { recentMember, toMemberView } from '../services/members'
import { activePriceDays, priceDayShelf, todayViews } from '../services/priceDays'
import { findListedProduct, listedProducts, toProductCard, toProductView } from '../services/products'

/** Products on the home page. */
export const HOME_SIZE = 20
/** Products per page of the product list. */
export const PAGE_SIZE = 20

/**
 * The caller as the shelf prices them: their member document and registered groups, and today's
 * price days (all from short instance caches; orders re-decide the price from fresh reads).
 */
async function callerShelf(deps: Deps) {
  const [member, active] = await Promise.all([recentMember(deps, deps.ctx.openid), activePriceDays(deps)])
  const groups = await groupsOfMember(deps, member)
  const shelf = priceDayShelf(active, tiersOf(groups), deps.now())
  const card = (product: Product) => toProductCard(product, shelf.offerFor(product._id))
  return { member, groups, shelf, card }
}

const actions = {
  /**
   * Everything the home page shows, in one call. The shelf, the member, the registered groups
   * and the price days come from short instance caches, so a view costs no read most of the time.
   */
  home: action(noInput, async (_input, deps) => {
    const [products, { member, groups, shelf, card }] = await Promise.all([listedProducts(deps), callerShelf(deps)])
    const byId = new Map(products.map((product) => [product._id, product]))
    return ok({
      serverNow: deps.now(),
      member: member ? toMemberView(member) : null,
      products: products.slice(0, HOME_SIZE).map(card),
      groups,
      priceDays: todayViews(shelf, (productId) => byId.get(productId), card),
      nextPriceDayAt: shelf.nextPriceDayAt,
      flashSales: await homeSales(deps),
    })
  }),

  products: action(z.object({ skip: skip.optional() }).strict(), async ({ skip: from = 0 }, deps) => {
    const [products, { card }] = await Promise.all([listedProducts(deps), callerShelf(deps)])
    const items = products.slice(from, from + PAGE_SIZE).map(card)
    const nextSkip = from + PAGE_SIZE < products.length ? from + PAGE_SIZE : undefined
    return ok(nextSkip === undefined ? { items } : { items, nextSkip })
  }),

  /** Read fresh, not cached: the buy sheet shows this stock. */
  product: action(z.object({ productId: docId }).strict(), async ({ productId }, deps) => {
    const [product, { shelf }] = await Promise.all([findListedProduct(deps.db, productId), callerShelf(deps)])
    return product ? ok(toProductView(product, shelf.offerFor(product._id))) : fail('NOT_FOUND')
  }),
} satisfies ApiActions<'shop'>

export default defineFunction('shop', actions)
