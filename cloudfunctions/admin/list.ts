/** `list`: read-only, paged lists of what the console shows, one kind at a time. */
import { z } from 'zod'
import { ok, type Result } from '../core/errors'
import type { Order, Product } from '../core/model'
import { orderStatus, skip } from '../core/schemas'
import { DAY_MS, parseCnDay } from '../core/time'
import type { Where } from '../platform/ports'
import type { ListOutput } from './api'
import { adminAction } from './auth'

const DEFAULT_LIMIT = 20

const day = z.string().refine((value) => parseCnDay(value) !== null, '日期应为 YYYY-MM-DD')
const paging = {
  skip: skip.optional(),
  limit: z.number().int().min(1).max(100).optional(),
}

const input = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('products'), status: z.enum(['listed', 'unlisted']).optional(), ...paging }).strict(),
  z.object({ kind: z.literal('orders'), status: orderStatus.optional(), day: day.optional(), ...paging }).strict(),
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
    const start = parseCnDay(filters.day) as number
    where.createdAt = { gte: start, lt: start + DAY_MS }
  }
  const [items, total] = await Promise.all([
    db.query('orders', where, { ...page, orderBy: [['createdAt', 'desc'], ['_id', 'asc']] }),
    db.count('orders', where),
  ])
  return ok({ items, total })
})
