import type { ProductCard } from '@core/contract'

/** How a product's price reads for this caller on this day. All amounts are fen. */
export interface PriceDisplay {
  /** What the caller pays today (the server's `priceFen`). */
  payFen: number
  /** The list price, struck through beside a lower price. */
  strikeFen?: number
  /** The price paid is today's member price (群友价). */
  memberPrice: boolean
  /** Today's member price this caller does not get, shown greyed... */
  lockedFen?: number
  /** ...and why not (how to join, or which groups qualify). */
  reason?: string
}

/**
 * The price a card shows. The server has already priced it (`priceFen` is what this caller
 * pays); the member price the caller misses is shown only as a greyed hint with the reason.
 */
export function priceDisplay(product: Pick<ProductCard, 'priceFen' | 'listPriceFen' | 'priceDay'>): PriceDisplay {
  const { priceFen, listPriceFen, priceDay } = product
  const display: PriceDisplay = { payFen: priceFen, memberPrice: false }
  if (priceFen < listPriceFen) display.strikeFen = listPriceFen
  if (!priceDay) return display
  if (priceDay.eligible) {
    display.memberPrice = priceFen === priceDay.memberPriceFen
    return display
  }
  if (priceDay.memberPriceFen < priceFen) {
    display.lockedFen = priceDay.memberPriceFen
    display.reason = priceDay.reason
  }
  return display
}
