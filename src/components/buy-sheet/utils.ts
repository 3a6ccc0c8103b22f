/** The most units one order may hold (the server refuses more). */
export const MAX_QTY = 99

/** The largest quantity the stepper allows: the stock left, at most MAX_QTY. */
export function maxQty(stock: number): number {
  return Math.max(0, Math.min(Math.floor(stock), MAX_QTY))
}

/** Keeps a wanted quantity within 1..maxQty(stock) (1 when nothing is left: the button is off). */
export function clampQty(wanted: number, stock: number): number {
  const max = maxQty(stock)
  if (!Number.isFinite(wanted) || max < 1) return 1
  return Math.min(Math.max(1, Math.floor(wanted)), max)
}
