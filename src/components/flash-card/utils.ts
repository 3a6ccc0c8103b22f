import type { FlashSaleCard } from '@core/contract'

export interface SaleCountdown {
  label: '距开始' | '距结束'
  /** Server time. */
  targetAt: number
}

/**
 * What a sale counts down to, by the state the server answered: the start while upcoming, the
 * end while running (or sold out: units may come back), nothing once over. When the countdown
 * reaches zero the page asks the server again; only the server says a sale has started.
 */
export function saleCountdown(sale: Pick<FlashSaleCard, 'state' | 'startAt' | 'endAt'>): SaleCountdown | null {
  if (sale.state === 'upcoming') return { label: '距开始', targetAt: sale.startAt }
  if (sale.state === 'running' || sale.state === 'soldOut') return { label: '距结束', targetAt: sale.endAt }
  return null
}

/** Share of the quantity taken, 0..100 (whole percent, rounded down so 99.5% is not "100%"). */
export function takenPercent(sale: Pick<FlashSaleCard, 'quantity' | 'left'>): number {
  if (sale.quantity <= 0) return 100
  const taken = (sale.quantity - Math.max(0, sale.left)) / sale.quantity
  return Math.min(100, Math.max(0, Math.floor(taken * 100)))
}

/** The words beside the bar (the button and the state chip already say 已抢光). */
export function leftText(sale: Pick<FlashSaleCard, 'left'>): string {
  return `仅剩 ${Math.max(0, sale.left)} 件`
}
