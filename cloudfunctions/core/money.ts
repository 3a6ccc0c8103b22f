/**
 * Money is integer fen (分) everywhere; yuan exist only as display strings made here.
 */

/** True for a non-negative safe integer: a valid amount of fen. */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** Throws when `value` is not a valid amount of fen; a corrupt amount is a bug, not an outcome. */
export function assertFen(value: unknown, what = 'amount'): asserts value is number {
  if (!isFen(value)) throw new RangeError(`${what} is not a valid fen amount: ${String(value)}`)
}

/**
 * `unitFen * qty`, refusing anything that is not an exact safe integer
 * (a huge price times a quantity must not silently lose precision).
 */
export function multiplyFen(unitFen: number, qty: number): number {
  assertFen(unitFen, 'unit price')
  if (!Number.isSafeInteger(qty) || qty < 0) throw new RangeError(`quantity is invalid: ${String(qty)}`)
  const total = unitFen * qty
  assertFen(total, 'total')
  return total
}

/** Sums amounts of fen, refusing an unsafe result. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0
  for (const amount of amounts) {
    assertFen(amount)
    total += amount
  }
  assertFen(total, 'sum')
  return total
}

/** Fen as yuan with two decimals and no symbol: 1290 -> '12.90', -5 -> '-0.05'. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${String(fen)}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  // Integer arithmetic only: no float yuan, so no 0.1 + 0.2 surprises.
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}${yuan}.${cents}`
}

/** Fen for display: 1290 -> '¥12.90', 0 -> '¥0.00', -500 -> '-¥5.00'. */
export function formatFen(fen: number): string {
  const yuan = fenToYuan(fen)
  return yuan.startsWith('-') ? `-¥${yuan.slice(1)}` : `¥${yuan}`
}
