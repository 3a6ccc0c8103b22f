/**
 * `metrics`: the console home's numbers. Orders and GMV today and over the last 7 China days
 * (GMV = paid orders' totals), members per registered group, and conversion per group
 * (members with a paid order in the last 7 days / members). Reads orders page by page; beyond
 * `METRICS_MAX_ORDERS` in the window the figures are marked truncated.
 */
import { ok, type Result } from '../core/errors'
import type { Group, Membership, Order } from '../core/model'
import { cnDay, DAY_MS, startOfCnDay } from '../core/time'
import type { Db } from '../platform/ports'
import type { DayFigures, GroupFigures, Metrics, PeriodFigures } from './api'
import { adminAction } from './auth'
import { noInput } from '../core/schemas'

export const METRICS_DAYS = 7
export const METRICS_MAX_ORDERS = 10_000
const PAGE = 100

async function ordersSince(db: Db, from: number): Promise<{ orders: Order[]; truncated: boolean }> {
  const orders: Order[] = []
  while (orders.length < METRICS_MAX_ORDERS) {
    const page = await db.query('orders', { createdAt: { gte: from } }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: PAGE, skip: orders.length })
    orders.push(...page)
    if (page.length < PAGE) return { orders, truncated: false }
  }
  return { orders, truncated: true }
}

async function registeredGroups(db: Db): Promise<Group[]> {
  const groups: Group[] = []
  for (;;) {
    const page = await db.query('groups', { status: 'registered' }, { orderBy: [['_id', 'asc']], limit: PAGE, skip: groups.length })
    groups.push(...page)
    if (page.length < PAGE || groups.length >= 1_000) return groups
  }
}

/** The memberships of these members, 100 members per query. */
async function membershipsOf(db: Db, openids: readonly string[]): Promise<Membership[]> {
  const found: Membership[] = []
  for (let i = 0; i < openids.length; i += PAGE) {
    const chunk = openids.slice(i, i + PAGE)
    for (let skip = 0; ; skip += PAGE) {
      const page = await db.query('memberships', { openid: { in: chunk } }, { orderBy: [['_id', 'asc']], limit: PAGE, skip })
      found.push(...page)
      if (page.length < PAGE) break
    }
  }
  return found
}

/** Figures of a set of orders. */
export function figuresOf(orders: readonly Order[]): PeriodFigures {
  const paid = orders.filter((o) => o.status === 'paid')
  return {
    orders: orders.length,
    paidOrders: paid.length,
    gmvFen: paid.reduce((sum, o) => sum + o.totalFen, 0),
    buyers: new Set(paid.map((o) => o.openid)).size,
  }
}

export const metrics = adminAction('read', noInput, async (_input, _operator, { db, now }): Promise<Result<Metrics>> => {
  const serverNow = now()
  const today = startOfCnDay(serverNow)
  const from = today - (METRICS_DAYS - 1) * DAY_MS
  const [{ orders, truncated }, groups, pendingGroups] = await Promise.all([
    ordersSince(db, from),
    registeredGroups(db),
    db.count('groups', { status: 'pending' }),
  ])

  const daily: DayFigures[] = Array.from({ length: METRICS_DAYS }, (_, i) => {
    const start = from + i * DAY_MS
    return { day: cnDay(start), ...figuresOf(orders.filter((o) => o.createdAt >= start && o.createdAt < start + DAY_MS)) }
  })

  const buyers = [...new Set(orders.filter((o) => o.status === 'paid').map((o) => o.openid))]
  const buyerGroups = await membershipsOf(db, buyers)
  const memberCounts = await Promise.all(groups.map((g) => db.count('memberships', { opengid: g._id })))
  const groupFigures: GroupFigures[] = groups.map((group, i) => {
    const members = memberCounts[i]
    const groupBuyers = new Set(buyerGroups.filter((m) => m.opengid === group._id).map((m) => m.openid)).size
    const figures: GroupFigures = {
      opengid: group._id,
      name: group.name,
      tier: group.tier,
      members,
      buyers: groupBuyers,
      conversion: members === 0 ? 0 : groupBuyers / members,
    }
    if (group.topic) figures.topic = group.topic
    return figures
  })
  groupFigures.sort((a, b) => b.members - a.members || a.name.localeCompare(b.name))

  return ok({
    serverNow,
    today: figuresOf(orders.filter((o) => o.createdAt >= today)),
    last7Days: figuresOf(orders),
    daily,
    groups: groupFigures,
    pendingGroups,
    truncated,
  })
})
