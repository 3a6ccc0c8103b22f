/**
 * The database port over an embedded SQLite file (better-sqlite3): one table per collection
 * holding `id, rev, doc` (JSON), real expression indexes on hot fields. Each operation is one
 * synchronous SQLite statement, so each is atomic. Reads run at once; writes are group-committed
 * (store.ts) and resolve once durable in the WAL. `transaction` is optimistic (tx.ts).
 */
import type { Db, QueryOptions, UpdateSpec, Where } from '../ports'
import type { CollectionName, Collections } from '../../core/model'
import { column, compileSpec, compileWhere, type IndexSpec, type Spec } from './sql'
import { SqliteStore } from './store'
import { runTransaction } from './tx'

export type { IndexSpec } from './sql'
export { TransactionConflictError } from './tx'

/**
 * Expression indexes per collection, one array of fields per index. Declare one here for every
 * query the functions run on a hot path (the fields it filters by equality first, then the one
 * it orders or ranges by).
 */
export const defaultIndexes: IndexSpec = {
  orders: [
    ['openid', 'createdAt'], // order.list, member.profile
    ['status', 'expireAt'], // cron: expire unpaid orders
  ],
  products: [['status', 'sort']], // the shelf
  flashSales: [['status', 'startAt']], // current sales, reminders due
  flashReminders: [['saleId', 'status']], // reminders waiting for a sale
}

export interface LocalDbOptions {
  /** Extra indexes, merged with `defaultIndexes`. */
  indexes?: IndexSpec
  /** WAL checkpoints in a worker thread instead of inside commits (the local cloud's server). */
  backgroundCheckpoints?: boolean
}

export type LocalDb = Db & {
  close(): void
}

const MAX_LIMIT = 100

function mergeIndexes(extra: IndexSpec = {}): IndexSpec {
  const merged: Record<string, Array<readonly string[]>> = {}
  for (const spec of [defaultIndexes, extra]) {
    for (const [coll, list] of Object.entries(spec)) (merged[coll] ??= []).push(...list)
  }
  return merged
}

function pageClause(options: QueryOptions<unknown>): { sql: string; limit: number; skip: number } {
  const limit = options.limit ?? MAX_LIMIT
  const skip = options.skip ?? 0
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer in 1..${MAX_LIMIT} (the cloud database's limit)`)
  }
  if (!Number.isInteger(skip) || skip < 0) throw new RangeError('skip must be a non-negative integer')
  const order = (options.orderBy ?? []).map(([field, dir]) => `${column(field)} ${dir === 'desc' ? 'DESC' : 'ASC'}`)
  return { sql: `${order.length > 0 ? ` ORDER BY ${order.join(', ')}` : ''} LIMIT ? OFFSET ?`, limit, skip }
}

function idOf(doc: unknown): string {
  const id = (doc as { _id?: unknown })._id
  if (typeof id !== 'string' || id === '') throw new Error('a document needs a non-empty string `_id`')
  return id
}

/** Opens (or creates) the database file. `:memory:` works for throwaway use. */
export function createLocalDb(file: string, options: LocalDbOptions = {}): LocalDb {
  const store = new SqliteStore(file, mergeIndexes(options.indexes), { backgroundCheckpoints: options.backgroundCheckpoints })

  return {
    async get<C extends CollectionName>(coll: C, id: string): Promise<Collections[C] | null> {
      const json = store.readDoc(coll, id)
      return json === undefined ? null : (JSON.parse(json) as Collections[C])
    },

    async query<C extends CollectionName>(
      coll: C,
      where: Where<Collections[C]>,
      options: QueryOptions<Collections[C]> = {},
    ): Promise<Array<Collections[C]>> {
      const cond = compileWhere(where as Record<string, unknown>)
      const page = pageClause(options as QueryOptions<unknown>)
      const sql = `SELECT doc FROM ${store.table(coll)} WHERE ${cond.sql}${page.sql}`
      const statement = store.stmt(sql).pluck()
      store.read()
      const rows = statement.all(...cond.params, page.limit, page.skip) as string[]
      return rows.map((json) => JSON.parse(json) as Collections[C])
    },

    async count<C extends CollectionName>(coll: C, where: Where<Collections[C]>): Promise<number> {
      const cond = compileWhere(where as Record<string, unknown>)
      const sql = `SELECT count(*) FROM ${store.table(coll)} WHERE ${cond.sql}`
      const statement = store.stmt(sql).pluck()
      store.read()
      return statement.get(...cond.params) as number
    },

    async add<C extends CollectionName>(coll: C, doc: Collections[C]): Promise<boolean> {
      const json = JSON.stringify(doc)
      const id = idOf(doc)
      return store.run(() => store.insert(coll, id, json))
    },

    async set<C extends CollectionName>(coll: C, id: string, doc: Collections[C]): Promise<void> {
      const json = JSON.stringify({ ...doc, _id: idOf({ _id: id }) })
      return store.run(() => store.upsert(coll, id, json))
    },

    async update<C extends CollectionName>(
      coll: C,
      where: Where<Collections[C]>,
      spec: UpdateSpec<Collections[C]>,
    ): Promise<number> {
      // One UPDATE statement: the condition and the change are applied atomically per document.
      const cond = compileWhere(where as Record<string, unknown>)
      const change = compileSpec(spec as Spec)
      const statement = store.stmt(`UPDATE ${store.table(coll)} SET rev = ?, doc = ${change.sql} WHERE ${cond.sql}`)
      const params = [0, ...change.params, ...cond.params]
      return store.run(() => {
        // The revision is taken when the statement runs, so revisions follow commit order.
        params[0] = store.nextRev()
        return statement.run(...params).changes
      })
    },

    async remove<C extends CollectionName>(coll: C, where: Where<Collections[C]>): Promise<number> {
      const cond = compileWhere(where as Record<string, unknown>)
      const sql = `DELETE FROM ${store.table(coll)} WHERE ${cond.sql}`
      return store.run(() => store.stmt(sql).run(...cond.params).changes)
    },

    transaction(body) {
      return runTransaction(store, body)
    },

    close() {
      store.close()
    },
  }
}
