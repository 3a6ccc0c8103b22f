/**
 * The cloud database can report a failure (a timeout) for a write it did save. When that happens
 * to the order itself, the units taken for it must stay taken: giving them back would let the same
 * units be sold twice.
 */
import { handle } from '../../cloudfunctions/platform/function'
import type { Db } from '../../cloudfunctions/platform/ports'
import order from '../../cloudfunctions/order/function'
import { createTestCloud, type TestCloud } from '../helpers/cloud'
import { member, newRequestId, seedProduct } from './builders'
import { joinGroup, SALE_START, seedGroups, seedSale } from './flashBuilders'

/** A database whose order inserts are saved and then reported as failed. */
function savesOrdersThenThrows(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'add') return Reflect.get(target, prop, receiver)
      return async (coll: string, doc: never) => {
        const added = await target.add(coll as 'orders', doc)
        if (coll === 'orders') throw new Error('ESOCKETTIMEDOUT (the write was saved)')
        return added
      }
    },
  })
}

let cloud: TestCloud
beforeEach(() => {
  cloud = createTestCloud()
})
afterEach(() => cloud.close())

function createWithFlakyDb(openid: string, input: Record<string, unknown>) {
  const deps = { ...cloud.deps({ openid }), db: savesOrdersThenThrows(cloud.db) }
  return handle(order, { action: 'create', requestId: newRequestId(), qty: 1, ...input }, deps)
}

it('keeps the stock of an order whose write was saved but reported as failed', async () => {
  await seedProduct(cloud, { stock: 1 })

  const first = await createWithFlakyDb(member(1), { productId: 'p-longjing' })
  expect(first).toMatchObject({ ok: true, data: { status: 'pending', qty: 1 } })

  // The order exists and holds the only unit: nobody else can buy it.
  const product = await cloud.db.get('products', 'p-longjing')
  expect(product?.stock).toBe(0)
  const second = await cloud.call(order, { action: 'create', requestId: newRequestId(), productId: 'p-longjing', qty: 1 }, { openid: member(2) })
  expect(second).toMatchObject({ ok: false, code: 'SOLD_OUT' })
})

it('keeps the sale units and the claim of a flash order whose write was saved but reported as failed', async () => {
  await seedProduct(cloud)
  await seedGroups(cloud)
  await joinGroup(cloud, 'G-core', 1, 3)
  const sale = await seedSale(cloud, { quantity: 1, perMemberLimit: 1 })
  cloud.clock.set(SALE_START)

  const first = await createWithFlakyDb(member(1), { productId: sale.productId, saleId: sale._id })
  expect(first).toMatchObject({ ok: true, data: { status: 'pending', saleId: sale._id } })

  const after = await cloud.db.get('flashSales', sale._id)
  expect(after).toMatchObject({ left: 0, reserved: 1 })
  const second = await cloud.call(
    order,
    { action: 'create', requestId: newRequestId(), productId: sale.productId, qty: 1, saleId: sale._id },
    { openid: member(2) },
  )
  expect(second).toMatchObject({ ok: false, code: 'SOLD_OUT' })
})
