/**
 * Products as members see them. The shelf (every listed product) is cached per function
 * instance, so the home page costs no database read on most views; a product page reads fresh.
 */
import type { PriceDayOfferView, ProductCard, ProductView } from '../core/contract'
import type { Product } from '../core/model'
import { priceOrder } from '../core/pricing'
import type { Db } from '../platform/ports'
import { INSTANCE_CACHE_MS, instanceCache, type CacheDeps } from './instanceCache'

/** How long an instance serves the shelf from memory; stock on the shelf may lag this much. */
export const SHELF_CACHE_MS = INSTANCE_CACHE_MS
/** Listed products beyond this many are not shown (the cloud database pages by 100). */
const SHELF_MAX = 1_000
const PAGE = 100

const shelf = instanceCache<Product[]>()

async function loadShelf(db: Db): Promise<Product[]> {
  const products: Product[] = []
  while (products.length < SHELF_MAX) {
    const page = await db.query(
      'products',
      { status: 'listed' },
      { orderBy: [['sort', 'asc'], ['_id', 'asc']], limit: PAGE, skip: products.length },
    )
    products.push(...page)
    if (page.length < PAGE) break
  }
  return products
}

/** Every listed product in shelf order, from the instance cache when it is fresh. */
export function listedProducts(deps: CacheDeps): Promise<Product[]> {
  return shelf.get(deps, () => loadShelf(deps.db))
}

/** Drops this instance's shelf (call after an operator changes a product). */
export function forgetShelf(db: Db): void {
  shelf.forget(db)
}

/** A listed product by id, read fresh; null when missing or unlisted. */
export async function findListedProduct(db: Db, productId: string): Promise<Product | null> {
  const product = await db.get('products', productId)
  return product && product.status === 'listed' ? product : null
}

/**
 * A product as one caller sees it. `priceDay` is today's price-day offer on it for this caller
 * (services/priceDays); when it is theirs, they see (and would pay) the member price.
 */
export function toProductCard(product: Product, priceDay?: PriceDayOfferView): ProductCard {
  const offers = priceDay?.eligible
    ? [{ source: 'priceDay' as const, sourceId: priceDay.priceDayId, unitPriceFen: priceDay.memberPriceFen }]
    : []
  const { unitPriceFen } = priceOrder(product, 1, offers)
  const card: ProductCard = {
    _id: product._id,
    title: product.title,
    subtitle: product.subtitle,
    cover: product.images[0] ?? '',
    priceFen: unitPriceFen,
    listPriceFen: product.priceFen,
    stock: product.stock,
    soldOut: product.stock <= 0,
  }
  if (priceDay) card.priceDay = priceDay
  return card
}

export function toProductView(product: Product, priceDay?: PriceDayOfferView): ProductView {
  return {
    ...toProductCard(product, priceDay),
    images: product.images,
    detail: product.detail,
    sold: product.sold,
  }
}
