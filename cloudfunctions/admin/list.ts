/** `list`: read-only, paged lists of what the console shows, one kind at a time. */
import { z } from 'zod'
import { ok, type Result } from '../core/errors'
import { OPENGID_PATTERN } from '../core/membership'
import type { CollectionName, Collections, Order } from '../core/model'
import { docId, orderStatus, skip } from '../core/schemas'
import { DAY_MS, parseCnDay } from '../core/time'
import type { Db, QueryOptions, Where } from '../platform/ports'
import type { ListItems, ListKind, ListOutput, MembershipView } from './api'
import { adminAction } from './auth'

const DEFAULT_LIMIT = 20
/** Orders filtered by group look at this many of its members at most. */
export const GROUP_ORDERS_MAX_MEMBERS = 1_000

const day = z.string().refine((value) => parseCnDay(value) !== null, '日期应为 YYYY-MM-DD')
const opengid = z.string().regex(OPENGID_PATTERN, '群 ID 无效')
const paging = {
  skip: skip.optional(),
  limit: z.number().int().min(1).max(100).optional(),
}

const input = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('products'), status: z.enum(['listed', 'unlisted']).optional(), ...paging }).strict(),
  z
    .object({ kind: z.literal('orders'), status: orderStatus.optional(), day: day.optional(), opengid: opengid.optional(), saleId: docId.optional(), ...paging })
    .strict(),
  z.object({ kind: z.literal('groups'), status: z.enum(['pending', 'registered']).optional(), ...paging }).strict(),
  z.object({ kind: z.literal('memberships'), opengid, ...paging }).strict(),
  z.object({ kind: z.literal('priceDays'), status: z.enum(['active', 'archived']).optional(), ...paging }).strict(),
  z.object({ kind: z.literal('flashSales'), status: z.enum(['scheduled', 'stopped']).optional(), ...paging }).strict(),
  z.object({ kind: z.literal('outbox'), touser: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(), ...paging }).strict(),
])

type Page = { skip: number; limit: number }

async function pageOf<C extends CollectionName>(
  db: Db,
  coll: C,
  where: Where<Collections[C]>,
  page: Page,
  orderBy: QueryOptions<Collections[C]>['orderBy'],
): Promise<ListOutput<Collections[C]>> {
  const [items, total] = await Promise.all([db.query(coll, where, { ...page, orderBy }), db.count(coll, where)])
  return { items, total }
}

/** Openids of a group's members, oldest first, up to `max`. */
export async function memberOpenids(db: Db, group: string, max = GROUP_ORDERS_MAX_MEMBERS): Promise<string[]> {
  const openids: string[] = []
  while (openids.length < max) {
    const page = await db.query('memberships', { opengid: group }, { orderBy: [['since', 'asc'], ['_id', 'asc']], limit: 100, skip: openids.length })
    openids.push(...page.map((m) => m.openid))
    if (page.length < 100) break
  }
  return openids.slice(0, max)
}

async function withNicknames(db: Db, list: ListOutput<Collections['memberships']>): Promise<ListOutput<MembershipView>> {
  const members = list.items.length > 0 ? await db.query('members', { _id: { in: list.items.map((m) => m.openid) } }, { limit: 100 }) : []
  const names = new Map(members.map((m) => [m._id, m.nickname]))
  return { total: list.total, items: list.items.map((m) => ({ ...m, nickname: names.get(m.openid) ?? '' })) }
}

export const list = adminAction('read', input, async (filters, _operator, { db }): Promise<Result<ListOutput<ListItems[ListKind]>>> => {
  const page = { skip: filters.skip ?? 0, limit: filters.limit ?? DEFAULT_LIMIT }
  switch (filters.kind) {
    case 'products':
      return ok(await pageOf(db, 'products', filters.status ? { status: filters.status } : {}, page, [['sort', 'asc'], ['_id', 'asc']]))
    case 'groups':
      // 'pending' sorts before 'registered': groups waiting for a name come first.
      return ok(await pageOf(db, 'groups', filters.status ? { status: filters.status } : {}, page, [['status', 'asc'], ['updatedAt', 'desc'], ['_id', 'asc']]))
    case 'memberships':
      return ok(await withNicknames(db, await pageOf(db, 'memberships', { opengid: filters.opengid }, page, [['since', 'asc'], ['_id', 'asc']])))
    case 'priceDays':
      return ok(await pageOf(db, 'priceDays', filters.status ? { status: filters.status } : {}, page, [['createdAt', 'desc'], ['_id', 'asc']]))
    case 'flashSales':
      return ok(await pageOf(db, 'flashSales', filters.status ? { status: filters.status } : {}, page, [['startAt', 'desc'], ['_id', 'asc']]))
    case 'outbox':
      return ok(await pageOf(db, 'outbox', filters.touser ? { touser: filters.touser } : {}, page, [['sentAt', 'desc'], ['_id', 'asc']]))
    case 'orders': {
      const where: Where<Order> = {}
      if (filters.status) where.status = filters.status
      if (filters.saleId) where.saleId = filters.saleId
      if (filters.day) {
        const start = parseCnDay(filters.day) as number
        where.createdAt = { gte: start, lt: start + DAY_MS }
      }
      if (filters.opengid) {
        const openids = await memberOpenids(db, filters.opengid)
        if (openids.length === 0) return ok({ items: [], total: 0 })
        where.openid = { in: openids }
      }
      return ok(await pageOf(db, 'orders', where, page, [['createdAt', 'desc'], ['_id', 'asc']]))
    }
  }
})
