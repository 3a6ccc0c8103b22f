/**
 * Buying in a flash sale (order.create with `saleId`). One step per idea, each with its undo:
 * claim the member's units (the per-member limit), take the sale's units (the one conditional
 * write on the hot document), write the order (idempotent on requestId); a failed step undoes the
 * ones before it. Once a sale is sold out, attempts are answered without a write.
 */
import { fail, type Failure, type Result } from '../core/errors'
import { refuseFlashBuy } from '../core/flashSale'
import type { FlashSale, Order, Product } from '../core/model'
import { orderIdFor } from '../core/order/ids'
import { priceOrder } from '../core/pricing'
import type { Db, Deps } from '../platform/ports'
import { saleEligibility } from './flashEligibility'
import {
  claimUnits,
  isMarkedSoldOut,
  markAtLimit,
  markedLimit,
  markSoldOut,
  recentSale,
  releaseClaim,
  rememberSale,
  returnSaleUnits,
  takeSaleUnits,
} from './flashStock'
import { newOrder, replayOf, writeOrder } from './orders/write'
import { listedProducts } from './products'

export interface FlashOrderInput {
  requestId: string
  productId: string
  qty: number
  saleId: string
}

/** A refusal, unless the order exists already (a replay whose first call won): then that order. */
async function refuse(db: Db, orderId: string, input: FlashOrderInput, failure: Failure): Promise<Result<Order>> {
  const existing = await db.get('orders', orderId)
  return existing ? replayOf(existing, input) : failure
}

const limitReached = (limit: number): Failure => fail('LIMIT_REACHED', `每人限购 ${limit} 件`)

/** The undo of the claim and the sale's units, for an order that was not written. */
async function giveBackUnits(db: Db, saleId: string, openid: string, qty: number): Promise<void> {
  await returnSaleUnits(db, saleId, qty)
  await releaseClaim(db, saleId, openid, qty)
}

/**
 * Why the conditional write on `tried` (the sale as read) refused: the sale as it is now, a
 * replay that won, or an operator's edit in between (the member taps again).
 */
async function explainRefusal(deps: Deps, orderId: string, input: FlashOrderInput, tried: FlashSale, now: number): Promise<Result<Order>> {
  const raced = await deps.db.get('orders', orderId)
  if (raced) return replayOf(raced, input)
  const sale = await deps.db.get('flashSales', input.saleId)
  if (!sale) return fail('NOT_FOUND')
  if (sale.left <= 0) markSoldOut(deps.db, sale._id, now)
  const refused = refuseFlashBuy(sale, now, input.qty)
  if (refused) return refused
  return sale.updatedAt !== tried.updatedAt ? fail('CONFLICT', '活动信息刚刚更新，请重新下单') : fail('SOLD_OUT')
}

/**
 * Creates of one order id under way in this instance. A replay that arrives while the first call
 * is still running waits for it instead of racing it for the member's last unit (which it would
 * lose with LIMIT_REACHED before the first call has written the order).
 */
const inFlight = new WeakMap<Db, Map<string, Promise<Result<Order>>>>()

export async function createFlashOrder(deps: Deps, openid: string, input: FlashOrderInput): Promise<Result<Order>> {
  const orderId = orderIdFor(openid, input.requestId)
  let running = inFlight.get(deps.db)
  if (!running) inFlight.set(deps.db, (running = new Map()))
  const first = running.get(orderId)
  if (first) {
    const result = await first
    return result.ok ? replayOf(result.data, input) : result
  }
  const attempt = attemptFlashOrder(deps, openid, orderId, input)
  running.set(orderId, attempt)
  try {
    return await attempt
  } finally {
    running.delete(orderId)
  }
}

/**
 * One attempt. Nothing is read before the writes but the sale (unless this instance read it a
 * moment ago), the member (eligibility) and the shelf (cached): a replayed requestId is rare, so
 * it is recognised where it shows, at a refusal or when the order's deterministic id is taken,
 * and answered with the first order.
 */
async function attemptFlashOrder(deps: Deps, openid: string, orderId: string, input: FlashOrderInput): Promise<Result<Order>> {
  const { db } = deps
  const now = deps.now()

  if (isMarkedSoldOut(db, input.saleId, now)) return refuse(db, orderId, input, fail('SOLD_OUT'))
  const limit = markedLimit(db, input.saleId, openid, input.qty, now)
  if (limit !== null) return refuse(db, orderId, input, limitReached(limit))
  // In a sale's rush, the sale as read a moment ago saves a read per order (a round trip on the
  // cloud): the take refuses it if an operator has edited the sale since. Refusals come only from
  // a fresh read.
  const recent = recentSale(db, input.saleId, now)
  if (recent) {
    const bought = await buyIn(deps, openid, orderId, input, recent, now, false)
    if (bought) return bought
  }
  const sale = await db.get('flashSales', input.saleId)
  if (!sale) return refuse(db, orderId, input, fail('NOT_FOUND'))
  rememberSale(db, sale, now)
  return buyIn(deps, openid, orderId, input, sale, now, true)
}

/**
 * Whether the sale is still as read a moment ago (its `updatedAt`), reading it fresh. A refusal
 * that rests only on what `updatedAt` versions (the groups, the limit) and on what was just read
 * or written fresh (the member, the claim) then stands; any other refusal is tried again fresh.
 */
async function stillAsRead(db: Db, sale: FlashSale, now: number): Promise<boolean> {
  const current = await db.get('flashSales', sale._id)
  if (current) rememberSale(db, current, now)
  return current?.updatedAt === sale.updatedAt
}

/**
 * An attempt on `sale`, read just now (`fresh`) or a moment ago. On a sale read a moment ago a
 * refusal is null instead (unless `stillAsRead` confirms it), and the caller reads the sale and
 * tries again.
 */
function buyIn(deps: Deps, openid: string, orderId: string, input: FlashOrderInput, sale: FlashSale, now: number, fresh: true): Promise<Result<Order>>
function buyIn(deps: Deps, openid: string, orderId: string, input: FlashOrderInput, sale: FlashSale, now: number, fresh: boolean): Promise<Result<Order> | null>
async function buyIn(
  deps: Deps,
  openid: string,
  orderId: string,
  input: FlashOrderInput,
  sale: FlashSale,
  now: number,
  fresh: boolean,
): Promise<Result<Order> | null> {
  // No closures on this path (each attempt would create them) and no Promise.all for two reads
  // that do not wait on anything: both cost more than the work they wrap.
  const { db } = deps
  if (sale.productId !== input.productId) return fresh ? refuse(db, orderId, input, fail('NOT_FOUND')) : null
  const refused = refuseFlashBuy(sale, now, input.qty)
  if (refused) {
    if (!fresh) return null
    if (refused.code === 'SOLD_OUT' && sale.left <= 0) markSoldOut(db, sale._id, now)
    return refuse(db, orderId, input, refused)
  }
  const eligibility = await saleEligibility(deps, openid, sale.tiers)
  if (!eligibility.eligible) {
    if (!fresh && !(await stillAsRead(db, sale, now))) return null
    return refuse(db, orderId, input, fail(eligibility.reason === 'login' ? 'UNAUTHENTICATED' : 'NOT_MEMBER', eligibility.message))
  }
  const product = await shelfProduct(deps, sale.productId)
  if (!product) return fresh ? refuse(db, orderId, input, fail('NOT_FOUND')) : null
  // The flash price, or the list price should the product have become cheaper than the sale.
  const price = priceOrder(product, input.qty, [{ source: 'flash', sourceId: sale._id, unitPriceFen: sale.flashPriceFen }])

  if (!(await claimUnits(db, sale, openid, input.qty, now))) {
    if (!fresh && !(await stillAsRead(db, sale, now))) return null
    markAtLimit(db, sale, openid, input.qty, now)
    return refuse(db, orderId, input, limitReached(sale.perMemberLimit))
  }
  if (!(await takeSaleUnits(db, sale, input.qty, now))) {
    await releaseClaim(db, sale._id, openid, input.qty)
    return fresh ? explainRefusal(deps, orderId, input, sale, now) : null
  }

  const order = newOrder(deps, orderId, openid, input, product, price, { saleId: sale._id })
  return writeOrder(db, order, input, () => giveBackUnits(db, sale._id, openid, input.qty))
}

const shelfIndex = new WeakMap<readonly Product[], Map<string, Product>>()

/**
 * The sale's product from the instance's shelf cache (title, picture and list price for the
 * order; the sale's own document decides everything else). An unlisted product stops selling
 * within the cache's few seconds; the operator's kill switch on the sale stops it at once.
 */
async function shelfProduct(deps: Deps, productId: string): Promise<Product | null> {
  const shelf = await listedProducts(deps)
  let byId = shelfIndex.get(shelf)
  if (!byId) shelfIndex.set(shelf, (byId = new Map(shelf.map((product) => [product._id, product]))))
  return byId.get(productId) ?? null
}
