/** `list`: read-only, paged lists of what the console shows, one kind at a time. */
import { z } from 'zod'
import { ok, type Result } from '../core/errors'
import type { Order, Product } from '../core/model'
import { ORDER_STATUSES } from '../core/order/status'
import type { Where } from '../platform/ports'
import type { ListOutput } from './api'
import { adminAction } from './auth'

const DAY_MS = 24 * 60 * 60 * 1000
const DEFAULT_LIMIT = 20

/** Start of a 'YYYY-MM-DD' calendar day in +08:00 (epoch ms), or null when no such day exists. */
export function cnDayStart(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const start = Date.parse(`${day}T00:00:00+08:00`)
  if (Number.isNaN(start)) return null
  // Date.parse rolls 2026-02-30 over to March; a real day formats back to itself.
  const roundTrip = new Date(start + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)
  return roundTrip === day ? start : null
}

const day = z.string().refine((value) => cnDayStart(value) !== null, '日期应为 YYYY-MM-DD')
const paging = {
  skip: z.number().int().min(0).max(1_000_000).optional(),
  limit: z.number().int().min(1).max(100).optional(),
}

const input = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('products'), status: z.enum(['listed', 'unlisted']).optional(), ...paging }).strict(),
  z.object({ kind: z.literal('orders'), status: z.enum(ORDER_STATUSES).optional(), day: day.optional(), ...paging }).strict(),
])

export const list = adminAction('read', input, async (filters, _operator, { db }): Promise<Result<ListOutput<Product | Order>>> => {
  const page = { skip: filters.skip ?? 0, limit: filters.limit ?? DEFAULT_LIMIT }
  if (filters.kind === 'products') {
    const where: Where<Product> = filters.status ? { status: filters.status } : {}
    const [items, total] = await Promise.all([
      db.query('products', where, { ...page, orderBy: [['sort', 'asc'], ['_id', 'asc']] }),
      db.count('products', where),
    ])
    return ok({ items, total })
  }
  const where: Where<Order> = {}
  if (filters.status) where.status = filters.status
  if (filters.day) {
    const start = cnDayStart(filters.day) as number
    where.createdAt = { gte: start, lt: start + DAY_MS }
  }
  const [items, total] = await Promise.all([
    db.query('orders', where, { ...page, orderBy: [['createdAt', 'desc'], ['_id', 'asc']] }),
    db.count('orders', where),
  ])
  return ok({ items, total })
})
