/**
 * Yuan as operators type them, to fen as the server stores them: exact decimal parsing, never
 * float arithmetic ('19.90' -> 1990, '0.1' -> 10). Used by every price field of the console.
 */
import { fenToYuan } from '../../core/money'

const YUAN = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/

/** '129.9' -> 12990; null for anything that is not a non-negative amount with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const trimmed = text.trim()
  const match = YUAN.exec(trimmed)
  if (!match) return null
  const cents = (match[2] ?? '.').slice(1).padEnd(2, '0')
  return Number(match[1]) * 100 + Number(cents)
}

/** 12990 -> '129.90', the text a price field starts with when editing. */
export function fenToYuanText(fen: number): string {
  return fenToYuan(fen)
}
