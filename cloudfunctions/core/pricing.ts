/**
 * What a member pays. Only the server prices orders; the client's price is display only.
 */
import type { PriceSource, Product } from './model'
import { assertFen, multiplyFen } from './money'

/**
 * A price other than the list price that the caller is eligible for right now, already checked
 * by the caller (a price day for the member's group tier, a running flash sale, ...).
 */
export interface PriceOffer {
  source: Exclude<PriceSource, 'list'>
  /** The price day or sale this price comes from; recorded on the order. */
  sourceId: string
  unitPriceFen: number
}

export interface OrderPrice {
  unitPriceFen: number
  totalFen: number
  listPriceFen: number
  priceSource: PriceSource
  sourceId?: string
}

/**
 * Prices `qty` units of `product`. The lowest eligible offer below the list price wins (the first
 * given on a tie); with none, the list price applies. Throws a RangeError on amounts that are not
 * safe integers, which only corrupt data can cause (inputs and config are validated earlier).
 */
export function priceOrder(
  product: Pick<Product, 'priceFen'>,
  qty: number,
  offers: readonly PriceOffer[] = [],
): OrderPrice {
  const listPriceFen = product.priceFen
  assertFen(listPriceFen, 'list price')
  if (!Number.isSafeInteger(qty) || qty < 1) throw new RangeError(`quantity is invalid: ${String(qty)}`)

  let best: PriceOffer | undefined
  for (const offer of offers) {
    assertFen(offer.unitPriceFen, `${offer.source} price`)
    if (offer.unitPriceFen >= listPriceFen) continue
    if (!best || offer.unitPriceFen < best.unitPriceFen) best = offer
  }

  const unitPriceFen = best ? best.unitPriceFen : listPriceFen
  const price: OrderPrice = {
    unitPriceFen,
    totalFen: multiplyFen(unitPriceFen, qty),
    listPriceFen,
    priceSource: best ? best.source : 'list',
  }
  if (best) price.sourceId = best.sourceId
  return price
}
