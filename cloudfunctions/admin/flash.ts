/**
 * The console's flash-sale actions: the kill switch (`flashStop`), the live view (`flashLive`,
 * polled every 2 s), the report afterwards (`flashReport`) and reconciliation (`flashReconcile`).
 */
import { z } from 'zod'
import { fail, ok, type Result } from '../core/errors'
import { flashSaleState } from '../core/flashSale'
import type { FlashSale, Group, Order } from '../core/model'
import { docId } from '../core/schemas'
import type { Db } from '../platform/ports'
import { reconcileSales } from '../services/flashReconcile'
import { forgetSales } from '../services/flashSales'
import type { FlashLive, FlashReport, ReconcileOutput } from './api'
import { recordAudit } from './audit'
import { adminAction } from './auth'
import { sellThroughAt } from './sellThrough'

const saleInput = z.object({ saleId: docId }).strict()
/** The live view's orders-per-second window. */
export const LIVE_WINDOW_MS = 10_000
const PAGE = 100

/**
 * Stops a sale at once. One conditional write, not a transaction: on a hot sale a transaction
 * would contend with every order, and the stop must not wait. Order placement checks
 * `status: 'scheduled'` in its own conditional write, so nothing is sold after this answers.
 * The audit entry has a per-sale id, so a retried stop logs once.
 */
export const flashStop = adminAction('write', saleInput, async ({ saleId }, operator, { db, now }): Promise<Result<FlashSale>> => {
  const before = await db.get('flashSales', saleId)
  if (!before) return fail('NOT_FOUND', '秒杀不存在')
  const at = now()
  const stopped = await db.update('flashSales', { _id: saleId, status: 'scheduled' }, { set: { status: 'stopped', stoppedAt: at, updatedAt: at } })
  const after = await db.get('flashSales', saleId)
  if (!after) return fail('NOT_FOUND', '秒杀不存在')
  // The home page of this instance stops showing the sale at once.
  forgetSales(db)
  if (stopped === 1 || before.status === 'stopped' || after.status === 'stopped') {
    await recordAudit(db, {
      id: `flashStop-${saleId}`,
      operator: operator.username,
      action: 'stop',
      kind: 'flashSales',
      targetId: saleId,
      before: stopped === 1 ? before : null,
      after,
      at: after.stoppedAt ?? at,
    })
  }
  return ok(after)
})

export const flashLive = adminAction('read', saleInput, async ({ saleId }, _operator, { db, now }): Promise<Result<FlashLive>> => {
  const serverNow = now()
  const [sale, recent] = await Promise.all([
    db.get('flashSales', saleId),
    db.count('orders', { saleId, createdAt: { gt: serverNow - LIVE_WINDOW_MS, lte: serverNow } }),
  ])
  if (!sale) return fail('NOT_FOUND', '秒杀不存在')
  return ok({
    serverNow,
    sale,
    state: flashSaleState(sale, serverNow),
    sold: sale.reserved + sale.paid,
    ordersPerSecond: recent / (LIVE_WINDOW_MS / 1000),
  })
})

async function ordersOfSale(db: Db, saleId: string): Promise<Order[]> {
  const orders: Order[] = []
  for (;;) {
    const page = await db.query('orders', { saleId }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: PAGE, skip: orders.length })
    orders.push(...page)
    if (page.length < PAGE) return orders
  }
}

async function groupsOfBuyers(db: Db, openids: readonly string[]): Promise<Map<string, Group[]>> {
  const byMember = new Map<string, Group[]>()
  const groups = new Map<string, Group | null>()
  for (let i = 0; i < openids.length; i += PAGE) {
    const chunk = openids.slice(i, i + PAGE)
    for (let skip = 0; ; skip += PAGE) {
      const page = await db.query('memberships', { openid: { in: chunk } }, { orderBy: [['_id', 'asc']], limit: PAGE, skip })
      for (const membership of page) {
        if (!groups.has(membership.opengid)) groups.set(membership.opengid, await db.get('groups', membership.opengid))
        const group = groups.get(membership.opengid)
        if (group?.status === 'registered') byMember.set(membership.openid, [...(byMember.get(membership.openid) ?? []), group])
      }
      if (page.length < PAGE) break
    }
  }
  return byMember
}

export const flashReport = adminAction('read', saleInput, async ({ saleId }, _operator, { db, now }): Promise<Result<FlashReport>> => {
  const sale = await db.get('flashSales', saleId)
  if (!sale) return fail('NOT_FOUND', '秒杀不存在')
  const orders = await ordersOfSale(db, saleId)
  const held = orders.filter((o) => o.status === 'pending' || o.status === 'paid')
  const paidUnitsBy = new Map<string, number>()
  for (const order of held) paidUnitsBy.set(order.openid, (paidUnitsBy.get(order.openid) ?? 0) + (order.status === 'paid' ? order.qty : 0))
  const buyers = [...paidUnitsBy.keys()]
  const groupsBy = await groupsOfBuyers(db, buyers)

  const byGroup = new Map<string, { opengid: string; name: string; buyers: number; paidUnits: number }>()
  let buyersWithoutGroup = 0
  for (const openid of buyers) {
    const groups = groupsBy.get(openid) ?? []
    if (groups.length === 0) buyersWithoutGroup++
    for (const group of groups) {
      const row = byGroup.get(group._id) ?? { opengid: group._id, name: group.name, buyers: 0, paidUnits: 0 }
      row.buyers++
      row.paidUnits += paidUnitsBy.get(openid) ?? 0
      byGroup.set(group._id, row)
    }
  }

  const orderedUnits = orders.reduce((sum, o) => sum + o.qty, 0)
  const paidUnits = orders.filter((o) => o.status === 'paid').reduce((sum, o) => sum + o.qty, 0)
  const soldOutAt = sellThroughAt(sale.quantity, orders)
  return ok({
    sale,
    state: flashSaleState(sale, now()),
    sellThroughMs: soldOutAt === null ? null : Math.max(0, soldOutAt - sale.startAt),
    orderedUnits,
    paidUnits,
    paidRate: orderedUnits === 0 ? 0 : paidUnits / orderedUnits,
    buyers: buyers.length,
    buyersByGroup: [...byGroup.values()].sort((a, b) => b.buyers - a.buyers || a.name.localeCompare(b.name)),
    buyersWithoutGroup,
  })
})

export const flashReconcile = adminAction(
  'read',
  z.object({ saleId: docId.optional() }).strict(),
  async ({ saleId }, _operator, { db, now }): Promise<Result<ReconcileOutput>> => {
    if (saleId && !(await db.get('flashSales', saleId))) return fail('NOT_FOUND', '秒杀不存在')
    const { sales, clean } = await reconcileSales(db, saleId ? [saleId] : undefined)
    return ok({ sales, clean, checkedAt: now() })
  },
)
