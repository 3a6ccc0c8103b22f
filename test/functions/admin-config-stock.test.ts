/**
 * Product stock edited in the console while members keep ordering: the save applies the
 * operator's change (the stock typed minus the stock the form loaded, or `stockDelta`) to what
 * is stored, so orders placed since the form loaded are never undone, and stock never goes
 * below zero.
 */
import order from '../../cloudfunctions/order/function'
import type { AuditEntry, Product } from '../../cloudfunctions/core/model'
import { TEST_START_MS } from '../helpers/cloud'
import { dumpAll, member, newRequestId } from './builders'
import { createAdminCloud, makeProduct, productInput, type AdminCloud } from './admin-fixtures'

let admin: AdminCloud
let token: string

beforeEach(async () => {
  admin = await createAdminCloud()
  token = await admin.tokenFor('operator')
  await admin.cloud.db.add('products', makeProduct({ stock: 50 }))
})
afterEach(() => admin.close())

/** What the console's form sends on save: the fields typed, the stock it loaded, the version. */
const save = (doc: Record<string, unknown>, loaded: Partial<Product> = makeProduct()) =>
  admin.call({ action: 'upsert', token, kind: 'products', doc: productInput({ _id: 'p-longjing', ...doc }), baseUpdatedAt: loaded.updatedAt })
const buy = (n: number, qty = 1) =>
  admin.cloud.call(order, { action: 'create', requestId: newRequestId(), productId: 'p-longjing', qty }, { openid: member(n) })
const stock = async () => (await admin.cloud.db.get('products', 'p-longjing'))!.stock
const lastAudit = async (): Promise<AuditEntry> => (await admin.call({ action: 'audit', token, limit: 1 })).data.items[0]

describe('stock edits in the console', () => {
  it('does not undo an order placed between loading the form and saving it', async () => {
    const loaded = (await admin.call({ action: 'list', token, kind: 'products' })).data.items[0] as Product
    expect((await buy(1, 3)).ok).toBe(true)
    expect(await stock()).toBe(47)

    // The operator restocks 10 units: typed 60 over the 50 the form showed.
    const saved = await save({ stock: 60, loadedStock: loaded.stock }, loaded)
    expect(saved).toMatchObject({ ok: true, data: { stock: 57 } })
    expect(await stock()).toBe(57)
    expect(await lastAudit()).toMatchObject({ action: 'update', before: { stock: 47 }, after: { stock: 57 } })
  })

  it('keeps the units orders took when the operator edits something else', async () => {
    await buy(1, 2)
    const saved = await save({ title: '明前龙井 500g', stock: 50, loadedStock: 50 })
    expect(saved.data).toMatchObject({ title: '明前龙井 500g', stock: 48 })
  })

  it('leaves stock alone when the edit carries none, as listing and unlisting do', async () => {
    await buy(1, 2)
    const { stock: _typed, ...withoutStock } = productInput({ _id: 'p-longjing', status: 'unlisted' })
    const saved = await admin.call({ action: 'upsert', token, kind: 'products', doc: withoutStock })
    expect(saved.data).toMatchObject({ status: 'unlisted', stock: 48 })
  })

  it('applies an explicit stockDelta, up or down', async () => {
    await buy(1, 1)
    const { stock: _typed, ...fields } = productInput({ _id: 'p-longjing' })
    const change = (stockDelta: number) => admin.call({ action: 'upsert', token, kind: 'products', doc: { ...fields, stockDelta } })
    expect((await change(5)).data.stock).toBe(54)
    expect((await change(-54)).data.stock).toBe(0)
  })

  it('refuses a change that would take stock below zero, naming the field and writing nothing', async () => {
    await admin.cloud.db.set('products', 'p-longjing', makeProduct({ stock: 5 }))
    await buy(1, 3)
    const before = await dumpAll(admin.cloud.db)
    // The form showed 5; the operator typed 0 to take all 5 away, but only 2 are left.
    const refused = await save({ stock: 0, loadedStock: 5 })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { stock: expect.stringContaining('当前剩 2 件') } })
    const { stock: _typed, ...fields } = productInput({ _id: 'p-longjing' })
    const byDelta = await admin.call({ action: 'upsert', token, kind: 'products', doc: { ...fields, stockDelta: -3 } })
    expect(byDelta).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { stockDelta: expect.any(String) } })
    expect(await dumpAll(admin.cloud.db)).toEqual(before)
  })

  it.each([
    ['a stock edit without the stock the form loaded', { stock: 60 }, 'loadedStock'],
    ['a delta together with a stock', { stock: 60, loadedStock: 50, stockDelta: 10 }, 'stockDelta'],
    ['a loaded stock without the stock typed', { stock: undefined, loadedStock: 50 }, 'stock'],
    ['a fractional delta', { stock: undefined, stockDelta: 1.5 }, 'stockDelta'],
    ['a negative loaded stock', { loadedStock: -1 }, 'loadedStock'],
  ])('refuses %s, writing nothing', async (_name, change, field) => {
    const before = await dumpAll(admin.cloud.db)
    const doc = productInput({ _id: 'p-longjing', ...change })
    const refused = await admin.call({ action: 'upsert', token, kind: 'products', doc: JSON.parse(JSON.stringify(doc)) })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { [field]: expect.any(String) } })
    expect(await dumpAll(admin.cloud.db)).toEqual(before)
  })

  it('refuses to create a product without a stock', async () => {
    const { stock: _typed, ...fields } = productInput({ _id: 'p-new' })
    expect(await admin.call({ action: 'upsert', token, kind: 'products', doc: { ...fields, stockDelta: 5 } })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { stock: expect.any(String) },
    })
    expect(await admin.cloud.db.get('products', 'p-new')).toBeNull()
  })

  it('keeps every order and the restock when 40 members buy while the operator saves', async () => {
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => buy(i)),
      save({ stock: 60, loadedStock: 50 }),
      ...Array.from({ length: 20 }, (_, i) => buy(20 + i)),
    ])
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await admin.cloud.db.count('orders', { productId: 'p-longjing' })).toBe(40)
    expect(await stock()).toBe(50 - 40 + 10)
    const entry = await lastAudit()
    expect((entry.after as Product).stock - (entry.before as Product).stock).toBe(10)
    expect(entry.at).toBe(TEST_START_MS)
  })
})
