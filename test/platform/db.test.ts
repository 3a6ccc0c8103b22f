import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createLocalDb, TransactionConflictError, type LocalDb } from '../../cloudfunctions/platform/local/db'
import type { Order, Product, Setting } from '../../cloudfunctions/core/model'
import type { Where } from '../../cloudfunctions/platform/ports'

function makeProduct(overrides: Partial<Product> = {}): Product {
  return {
    _id: 'p1',
    title: '测试商品',
    subtitle: '',
    images: [],
    priceFen: 1000,
    stock: 10,
    sold: 0,
    status: 'listed',
    sort: 0,
    detail: '',
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  }
}

function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    _id: 'o1',
    openid: 'u1',
    requestId: 'r1',
    productId: 'p1',
    title: '测试商品',
    image: '',
    qty: 1,
    listPriceFen: 1000,
    unitPriceFen: 1000,
    totalFen: 1000,
    priceSource: 'list',
    status: 'pending',
    createdAt: 1,
    expireAt: 2,
    updatedAt: 1,
    ...overrides,
  }
}

let dir: string
let file: string
let db: LocalDb

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-db-'))
  file = path.join(dir, 'test.db')
  db = createLocalDb(file)
})

afterEach(() => {
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('documents', () => {
  it('returns null for a document that does not exist', async () => {
    expect(await db.get('products', 'nope')).toBeNull()
  })

  it('adds a document under its own _id and reads it back', async () => {
    expect(await db.add('products', makeProduct({ title: '茶杯' }))).toBe(true)
    expect(await db.get('products', 'p1')).toEqual(makeProduct({ title: '茶杯' }))
  })

  it('refuses to add a second document with the same _id and keeps the first', async () => {
    await db.add('products', makeProduct({ title: '第一' }))
    expect(await db.add('products', makeProduct({ title: '第二' }))).toBe(false)
    expect((await db.get('products', 'p1'))?.title).toBe('第一')
  })

  it('lets exactly one of many concurrent adds of the same _id succeed', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => db.add('settings', { _id: 'claim', value: i, updatedAt: i })),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
  })

  it('set creates a document or replaces it whole', async () => {
    await db.set('settings', 's', { _id: 's', value: { a: 1 }, updatedAt: 1 })
    await db.set('settings', 's', { _id: 's', value: 'x', updatedAt: 2 })
    expect(await db.get('settings', 's')).toEqual({ _id: 's', value: 'x', updatedAt: 2 })
  })

  it('returns copies, so changing a result does not change the stored document', async () => {
    await db.add('products', makeProduct())
    const first = (await db.get('products', 'p1'))!
    first.images.push('changed')
    expect((await db.get('products', 'p1'))!.images).toEqual([])
  })
})

describe('query and count', () => {
  beforeEach(async () => {
    for (let i = 1; i <= 5; i++) {
      await db.add('products', makeProduct({ _id: `p${i}`, sort: i, stock: i * 10, status: i % 2 ? 'listed' : 'unlisted' }))
    }
  })

  it('treats a bare value as equality', async () => {
    const found = await db.query('products', { status: 'unlisted' })
    expect(found.map((p) => p._id).sort()).toEqual(['p2', 'p4'])
  })

  it('supports eq, ne, gt, gte, lt, lte and in', async () => {
    const ids = async (where: Where<Product>) =>
      (await db.query('products', where, { orderBy: [['sort', 'asc']] })).map((p) => p._id)
    expect(await ids({ sort: { eq: 3 } })).toEqual(['p3'])
    expect(await ids({ sort: { ne: 3 } })).toEqual(['p1', 'p2', 'p4', 'p5'])
    expect(await ids({ stock: { gt: 30 } })).toEqual(['p4', 'p5'])
    expect(await ids({ stock: { gte: 30 } })).toEqual(['p3', 'p4', 'p5'])
    expect(await ids({ stock: { lt: 30 } })).toEqual(['p1', 'p2'])
    expect(await ids({ stock: { lte: 30 } })).toEqual(['p1', 'p2', 'p3'])
    expect(await ids({ stock: { gte: 20, lt: 50 } })).toEqual(['p2', 'p3', 'p4'])
    expect(await ids({ _id: { in: ['p5', 'p1', 'zz'] } })).toEqual(['p1', 'p5'])
    expect(await ids({ sort: { in: [] } })).toEqual([])
  })

  it('matches documents that lack the field with ne, as the cloud database does', async () => {
    await db.add('orders', makeOrder({ _id: 'a', sourceId: 's1' }))
    await db.add('orders', makeOrder({ _id: 'b' }))
    const found = await db.query('orders', { sourceId: { ne: 's1' } })
    expect(found.map((o) => o._id)).toEqual(['b'])
  })

  it('orders, limits and skips', async () => {
    const page = await db.query('products', {}, { orderBy: [['sort', 'desc']], limit: 2, skip: 1 })
    expect(page.map((p) => p._id)).toEqual(['p4', 'p3'])
  })

  it('returns at most 100 documents by default and refuses a larger limit', async () => {
    for (let i = 0; i < 120; i++) await db.add('settings', { _id: `k${i}`, value: i, updatedAt: 0 })
    expect(await db.query('settings', {})).toHaveLength(100)
    await expect(db.query('settings', {}, { limit: 101 })).rejects.toThrow(RangeError)
    await expect(db.query('settings', {}, { limit: 0 })).rejects.toThrow(RangeError)
  })

  it('counts the documents that match', async () => {
    expect(await db.count('products', { status: 'listed' })).toBe(3)
    expect(await db.count('products', {})).toBe(5)
    expect(await db.count('orders', {})).toBe(0)
  })

  it('refuses field names that are not plain identifiers', async () => {
    await expect(db.query('products', { "x') OR 1 --": 1 } as never)).rejects.toThrow('unsupported field name')
  })
})

describe('update and remove', () => {
  it('applies set and inc and answers how many documents changed', async () => {
    await db.add('products', makeProduct({ stock: 10 }))
    const n = await db.update('products', { _id: 'p1' }, { set: { title: '新名字', images: ['a.svg'] }, inc: { stock: -3, sold: 3 } })
    expect(n).toBe(1)
    expect(await db.get('products', 'p1')).toMatchObject({ title: '新名字', images: ['a.svg'], stock: 7, sold: 3 })
  })

  it('changes nothing and answers 0 when the condition does not hold', async () => {
    await db.add('products', makeProduct({ stock: 2 }))
    expect(await db.update('products', { _id: 'p1', stock: { gte: 3 } }, { inc: { stock: -3 } })).toBe(0)
    expect((await db.get('products', 'p1'))!.stock).toBe(2)
  })

  it('counts a missing numeric field as 0 when incrementing', async () => {
    await db.set('settings', 'n', { _id: 'n', value: null, updatedAt: 0 })
    await db.update('settings', { _id: 'n' }, { inc: { hits: 2 } as never })
    expect(await db.get('settings', 'n')).toMatchObject({ hits: 2 })
  })

  it('updates every matching document', async () => {
    await db.add('orders', makeOrder({ _id: 'a', expireAt: 5 }))
    await db.add('orders', makeOrder({ _id: 'b', expireAt: 50 }))
    await db.add('orders', makeOrder({ _id: 'c', expireAt: 7, status: 'paid' }))
    expect(await db.update('orders', { status: 'pending', expireAt: { lte: 10 } }, { set: { status: 'expired' } })).toBe(1)
    expect((await db.get('orders', 'a'))!.status).toBe('expired')
  })

  it('lets exactly 50 of 200 concurrent conditional decrements succeed on a stock of 50', async () => {
    await db.add('products', makeProduct({ stock: 50 }))
    const results = await Promise.all(
      Array.from({ length: 200 }, () => db.update('products', { _id: 'p1', stock: { gte: 1 } }, { inc: { stock: -1 } })),
    )
    expect(results.filter((n) => n === 1)).toHaveLength(50)
    expect((await db.get('products', 'p1'))!.stock).toBe(0)
  })

  it('removes the matching documents and answers how many', async () => {
    await db.add('settings', { _id: 'a', value: 1, updatedAt: 1 })
    await db.add('settings', { _id: 'b', value: 2, updatedAt: 5 })
    expect(await db.remove('settings', { updatedAt: { lt: 3 } })).toBe(1)
    expect(await db.get('settings', 'a')).toBeNull()
    expect(await db.get('settings', 'b')).not.toBeNull()
  })
})

describe('transaction', () => {
  it('commits all of its writes together and returns the body result', async () => {
    await db.add('products', makeProduct({ stock: 5 }))
    const result = await db.transaction(async (tx) => {
      const p = await tx.get('products', 'p1')
      await tx.update('products', 'p1', { inc: { stock: -1 } })
      await tx.add('orders', makeOrder())
      return p!.stock
    })
    expect(result).toBe(5)
    expect((await db.get('products', 'p1'))!.stock).toBe(4)
    expect(await db.get('orders', 'o1')).not.toBeNull()
  })

  it('shows the body its own writes before commit, and nobody else', async () => {
    await db.add('products', makeProduct({ stock: 5 }))
    await db.transaction(async (tx) => {
      await tx.update('products', 'p1', { inc: { stock: -2 } })
      expect((await tx.get('products', 'p1'))!.stock).toBe(3)
      expect((await db.get('products', 'p1'))!.stock).toBe(5)
      await tx.remove('products', 'p1')
      expect(await tx.get('products', 'p1')).toBeNull()
      expect(await tx.add('products', makeProduct({ stock: 9 }))).toBe(true)
    })
    expect((await db.get('products', 'p1'))!.stock).toBe(9)
  })

  it('writes nothing when the body throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.add('orders', makeOrder())
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await db.get('orders', 'o1')).toBeNull()
  })

  it('answers add false for an existing document and update/remove 0 for a missing one', async () => {
    await db.add('orders', makeOrder())
    await db.transaction(async (tx) => {
      expect(await tx.add('orders', makeOrder())).toBe(false)
      expect(await tx.update('orders', 'missing', { set: { status: 'paid' } })).toBe(0)
      expect(await tx.remove('orders', 'missing')).toBe(0)
    })
  })

  it('runs the body again when a document it read changed, and loses no update', async () => {
    await db.set('settings', 'counter', { _id: 'counter', value: 0, updatedAt: 0 })
    let runs = 0
    // A read-modify-write inside transactions is safe: concurrent bodies conflict and re-run.
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.transaction(async (tx) => {
          runs++
          const doc = (await tx.get('settings', 'counter')) as Setting
          await new Promise((resolve) => setImmediate(resolve))
          await tx.set('settings', 'counter', { ...doc, value: (doc.value as number) + 1 })
        }),
      ),
    )
    expect((await db.get('settings', 'counter'))!.value).toBe(50)
    expect(runs).toBeGreaterThan(50)
  })

  it('re-runs when a document it saw absent was created meanwhile', async () => {
    let runs = 0
    const added = await db.transaction(async (tx) => {
      runs++
      const existing = await tx.get('orders', 'o1')
      if (runs === 1) await db.add('orders', makeOrder({ title: '别人' }))
      if (existing) return false
      await tx.set('orders', 'o1', makeOrder({ title: '我' }))
      return true
    })
    expect(runs).toBe(2)
    expect(added).toBe(false)
    expect((await db.get('orders', 'o1'))!.title).toBe('别人')
  })

  it('gives up with an error after too many conflicts', async () => {
    await db.set('settings', 'hot', { _id: 'hot', value: 0, updatedAt: 0 })
    await expect(
      db.transaction(async (tx) => {
        await tx.get('settings', 'hot')
        await db.update('settings', { _id: 'hot' }, { inc: { value: 1 } as never })
        await tx.set('settings', 'other', { _id: 'other', value: 1, updatedAt: 0 })
      }),
    ).rejects.toThrow(TransactionConflictError)
    expect(await db.get('settings', 'other')).toBeNull()
  })
})

describe('reads', () => {
  it('shows an acknowledged write to a read on another connection of the process, even one that read earlier in the same turn', async () => {
    const other = createLocalDb(file)
    try {
      await db.add('products', makeProduct({ stock: 1 }))
      const write = db.update('products', { _id: 'p1' }, { inc: { stock: 1 } })
      // This read opens the other connection's read transaction for the turn, before the commit.
      expect((await other.get('products', 'p1'))!.stock).toBe(1)
      expect(await write).toBe(1)
      expect((await other.get('products', 'p1'))!.stock).toBe(2)
      expect(await other.count('products', { stock: 2 })).toBe(1)
    } finally {
      other.close()
    }
  })

  it('sees its own acknowledged writes in the next read of the same turn', async () => {
    await db.add('products', makeProduct({ stock: 1 }))
    expect((await db.get('products', 'p1'))!.stock).toBe(1)
    await db.update('products', { _id: 'p1' }, { inc: { stock: 4 } })
    expect((await db.get('products', 'p1'))!.stock).toBe(5)
    expect(await db.query('products', { stock: 5 })).toHaveLength(1)
  })
})

describe('storage', () => {
  it('keeps data after close and reopen', async () => {
    await db.add('products', makeProduct({ title: '保留' }))
    db.close()
    db = createLocalDb(file)
    expect((await db.get('products', 'p1'))!.title).toBe('保留')
  })

  it('uses WAL and creates the declared expression indexes', async () => {
    await db.count('orders', {})
    await db.count('products', {})
    await db.count('members', {}) // creates the table: later raw reads need it
    const raw = new Database(file, { readonly: true })
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
      const names = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%\\_\\_%' ESCAPE '\\'").pluck().all()
      expect(names).toEqual(expect.arrayContaining(['orders__openid__createdAt', 'orders__status__expireAt', 'products__status__sort']))
      const plan = raw
        .prepare(
          "EXPLAIN QUERY PLAN SELECT doc FROM orders WHERE json_extract(doc, '$.openid') = ? ORDER BY json_extract(doc, '$.createdAt') DESC LIMIT 20",
        )
        .all('u1') as Array<{ detail: string }>
      expect(plan.map((row) => row.detail).join(' ')).toContain('orders__openid__createdAt')
    } finally {
      raw.close()
    }
  })
})
