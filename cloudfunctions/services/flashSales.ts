/**
 * Flash sales as members see them: the running and upcoming sales (cached per instance, like the
 * shelf, so the home page costs no read on most views) and one sale with the caller's button.
 */
import type { FlashSaleCard, FlashSaleDetail, FlashSaleView } from '../core/contract'
import { flashButton, flashEligibility, flashSaleState, memberSaleId } from '../core/flashSale'
import type { FlashSale, GroupTier, Product } from '../core/model'
import type { Db, Deps } from '../platform/ports'
import { memberTiers } from './flashEligibility'
import { instanceCache, type CacheDeps } from './instanceCache'
import { listedProducts } from './products'

/** Sales that have not ended, soonest first; more than this are not shown. */
const CURRENT_MAX = 50
/** Sales on the home page: every running one, then upcoming ones up to this many in all. */
export const HOME_SALES = 4

const current = instanceCache<FlashSale[]>()

/**
 * Sales not stopped and not ended, soonest start first, from the instance cache when fresh.
 * For display only: `left` lags by up to the cache's lifetime; orders read the sale fresh.
 */
export async function currentSales(deps: CacheDeps): Promise<FlashSale[]> {
  const now = deps.now()
  const sales = await current.get(deps, () =>
    deps.db.query(
      'flashSales',
      { status: 'scheduled', endAt: { gt: now } },
      { orderBy: [['startAt', 'asc'], ['_id', 'asc']], limit: CURRENT_MAX },
    ),
  )
  // The cache may hold sales that have ended since it was loaded.
  return sales.filter((sale) => sale.endAt > now)
}

/** Drops this instance's current sales (call after an operator schedules, edits or stops one). */
export function forgetSales(db: Db): void {
  current.forget(db)
}

export function toFlashSaleCard(sale: FlashSale, product: Product, now: number): FlashSaleCard {
  return {
    _id: sale._id,
    productId: sale.productId,
    title: sale.title,
    cover: product.images[0] ?? '',
    flashPriceFen: sale.flashPriceFen,
    listPriceFen: product.priceFen,
    quantity: sale.quantity,
    left: Math.max(0, sale.left),
    perMemberLimit: sale.perMemberLimit,
    tiers: sale.tiers,
    startAt: sale.startAt,
    endAt: sale.endAt,
    state: flashSaleState(sale, now),
  }
}

/** Current sales whose product is on the shelf, as cards. */
async function currentCards(deps: CacheDeps): Promise<Array<{ sale: FlashSale; card: FlashSaleCard }>> {
  const [sales, products] = await Promise.all([currentSales(deps), listedProducts(deps)])
  const byId = new Map(products.map((product) => [product._id, product]))
  const now = deps.now()
  const out: Array<{ sale: FlashSale; card: FlashSaleCard }> = []
  for (const sale of sales) {
    const product = byId.get(sale.productId)
    if (product) out.push({ sale, card: toFlashSaleCard(sale, product, now) })
  }
  return out
}

/** The home page's sales: every running one, then the next to start, `HOME_SALES` in all at most. */
export async function homeSales(deps: CacheDeps): Promise<FlashSaleCard[]> {
  const cards = (await currentCards(deps)).map((entry) => entry.card)
  const running = cards.filter((card) => card.state === 'running' || card.state === 'soldOut')
  const upcoming = cards.filter((card) => card.state === 'upcoming')
  return [...running, ...upcoming].slice(0, Math.max(HOME_SALES, running.length))
}

/**
 * `card` with the button `openid` sees: reads the member's claim and reminder; `tiers` are the
 * tiers of the member's groups (null for a caller not logged in).
 */
async function withButton(
  deps: Deps,
  sale: FlashSale,
  card: FlashSaleCard,
  openid: string,
  tiers: GroupTier[] | null,
): Promise<FlashSaleView> {
  const id = memberSaleId(sale._id, openid)
  const [claim, reminder] = await Promise.all([
    openid ? deps.db.get('flashClaims', id) : null,
    openid ? deps.db.get('flashReminders', id) : null,
  ])
  const bought = claim?.bought ?? 0
  const button = flashButton(sale, deps.now(), { bought, eligibility: flashEligibility(sale.tiers, tiers) })
  return { ...card, ...button, bought, reminded: reminder !== null }
}

/** Running and upcoming sales with the caller's button on each. */
export async function listSalesFor(deps: Deps, openid: string): Promise<FlashSaleView[]> {
  const [cards, tiers] = await Promise.all([currentCards(deps), memberTiers(deps, openid)])
  return Promise.all(cards.map(({ sale, card }) => withButton(deps, sale, card, openid, tiers)))
}

/** One sale read fresh, with its product and the caller's button; null when either is gone. */
export async function saleDetailFor(deps: Deps, saleId: string, openid: string): Promise<FlashSaleDetail | null> {
  const sale = await deps.db.get('flashSales', saleId)
  if (!sale) return null
  const product = await deps.db.get('products', sale.productId)
  if (!product || product.status !== 'listed') return null
  const view = await withButton(deps, sale, toFlashSaleCard(sale, product, deps.now()), openid, await memberTiers(deps, openid))
  return { ...view, subtitle: product.subtitle, images: product.images, detail: product.detail }
}
