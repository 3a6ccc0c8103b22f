/**
 * Products as members see them. The shelf (every listed product) is cached per function
 * instance, so the home page costs no database read on most views; a product page reads fresh.
 */
import type { PriceDayOfferView, ProductCard, ProductView } from '../core/contract'
import type { Product } from '../core/model'
import { priceOrder } from '../core/pricing'
import type { Db, Deps } from '../platform/ports'

/** How long an instance serves the shelf from memory; stock on the shelf may lag this much. */
export const SHELF_CACHE_MS = 5_000
/** Listed products beyond this many are not shown (the cloud database pages by 100). */
const SHELF_MAX = 1_000
const PAGE = 100

interface ShelfCache {
  loadedAt: number
  products: Promise<Product[]>
}

// Keyed by the database so each local test cloud has its own; in WeChat there is one per instance.
const shelves = new WeakMap<Db, ShelfCache>()

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

/**
 * Every listed product in shelf order, from the instance cache when it is fresh. Concurrent
 * callers on a cold cache share one load.
 */
export async function listedProducts(deps: Pick<Deps, 'db' | 'now' | 'config'>): Promise<Product[]> {
  const now = deps.now()
  const ttl = deps.config.shelfCacheMs ?? SHELF_CACHE_MS
  const cached = shelves.get(deps.db)
  if (cached && now - cached.loadedAt < ttl && now >= cached.loadedAt) return cached.products
  const products = loadShelf(deps.db)
  shelves.set(deps.db, { loadedAt: now, products })
  // A failed load must not be served from the cache.
  products.catch(() => {
    if (shelves.get(deps.db)?.products === products) shelves.delete(deps.db)
  })
  return products
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
