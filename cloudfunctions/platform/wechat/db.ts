/**
 * The database port over the WeChat cloud document database (wx-server-sdk). A thin 1:1
 * translation: every port operation is one cloud call (or one `runTransaction`).
 */
import type { DB } from 'wx-server-sdk'
import type { Cond, Db, QueryOptions, TxDb, UpdateSpec, Where } from '../ports'
import type { CollectionName, Collections } from '../../core/model'

const COND_OPS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'])
const MAX_LIMIT = 100
/** Conflicting transactions are re-run this many times by the SDK before it gives up. */
const TRANSACTION_RETRIES = 5

function isCond(value: unknown): value is Cond {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => COND_OPS.has(k))
}

function condCommand(_: DB.Command, cond: Cond): DB.QueryCommand | undefined {
  const parts: DB.QueryCommand[] = []
  if (cond.eq !== undefined) parts.push(_.eq(cond.eq))
  if (cond.ne !== undefined) parts.push(_.neq(cond.ne))
  if (cond.gt !== undefined) parts.push(_.gt(cond.gt))
  if (cond.gte !== undefined) parts.push(_.gte(cond.gte))
  if (cond.lt !== undefined) parts.push(_.lt(cond.lt))
  if (cond.lte !== undefined) parts.push(_.lte(cond.lte))
  if (cond.in !== undefined) parts.push(_.in(cond.in))
  if (parts.length <= 1) return parts[0]
  return parts[0].and(...parts.slice(1))
}

/** `Where` -> a cloud query condition built with `db.command`. */
export function toCondition(_: DB.Command, where: Record<string, unknown>): DB.Data {
  const condition: DB.Data = {}
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined) continue
    if (isCond(value)) {
      const command = condCommand(_, value)
      if (command) condition[field] = command
    } else {
      condition[field] = value
    }
  }
  return condition
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
}

/** `UpdateSpec` -> update data. Objects go through `_.set` so they replace, not merge. */
export function toUpdateData(_: DB.Command, spec: UpdateSpec<unknown>): DB.Data {
  const data: DB.Data = {}
  for (const [field, value] of Object.entries(spec.set ?? {})) {
    if (value !== undefined) data[field] = isPlainObject(value) ? _.set(value) : value
  }
  for (const [field, by] of Object.entries(spec.inc ?? {})) {
    if (by !== undefined) data[field] = _.inc(by as number)
  }
  return data
}

/** The data of a set/add without `_id` (the cloud refuses to write `_id` in `set`). */
function withoutId(doc: object): DB.Data {
  const { _id: _ignored, ...rest } = doc as DB.Data
  return rest
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'object' && error !== null) {
    const e = error as { errMsg?: unknown; message?: unknown }
    return String(e.errMsg ?? e.message ?? JSON.stringify(error))
  }
  return String(error)
}

export function isDuplicateKeyError(error: unknown): boolean {
  return /E11000|duplicate key/i.test(errorText(error))
}

function isNotFoundError(error: unknown): boolean {
  return /does not exist/i.test(errorText(error))
}

async function getDoc<T>(ref: DB.DocumentReference): Promise<T | null> {
  try {
    const { data } = await ref.get()
    return (data ?? null) as T | null
  } catch (error) {
    // Only thrown when the SDK was initialised with throwOnNotFound (the default).
    if (isNotFoundError(error)) return null
    throw error
  }
}

function txDb(db: DB.Database, tx: DB.Transaction): TxDb {
  const _ = db.command
  return {
    get: <C extends CollectionName>(coll: C, id: string) => getDoc<Collections[C]>(tx.collection(coll).doc(id)),
    async add(coll, doc) {
      // A read first: a duplicate inside a transaction would fail the whole transaction, and a
      // concurrent add of the same id is a write conflict the SDK resolves by re-running.
      if (await getDoc(tx.collection(coll).doc(doc._id))) return false
      await tx.collection(coll).doc(doc._id).set({ data: withoutId(doc) })
      return true
    },
    async set(coll, id, doc) {
      await tx.collection(coll).doc(id).set({ data: withoutId(doc) })
    },
    async update(coll, id, spec) {
      const res = await tx.collection(coll).doc(id).update({ data: toUpdateData(_, spec) })
      return res.stats.updated
    },
    async remove(coll, id) {
      const res = await tx.collection(coll).doc(id).remove()
      return res.stats.removed
    },
  }
}

/** The port over `cloud.database()`; call after `cloud.init`. */
export function createWechatDb(db: DB.Database): Db {
  const _ = db.command
  const where = (coll: string, w: object) => db.collection(coll).where(toCondition(_, w as Record<string, unknown>))

  return {
    get: <C extends CollectionName>(coll: C, id: string) => getDoc<Collections[C]>(db.collection(coll).doc(id)),

    async query<C extends CollectionName>(coll: C, w: Where<Collections[C]>, options: QueryOptions<Collections[C]> = {}) {
      const limit = options.limit ?? MAX_LIMIT
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new RangeError(`limit must be in 1..${MAX_LIMIT}`)
      let query = where(coll, w)
      for (const [field, dir] of options.orderBy ?? []) query = query.orderBy(field, dir)
      if (options.skip) query = query.skip(options.skip)
      const { data } = await query.limit(limit).get()
      return data as unknown as Array<Collections[C]>
    },

    async count(coll, w) {
      return (await where(coll, w).count()).total
    },

    async add(coll, doc) {
      try {
        await db.collection(coll).add({ data: doc as unknown as DB.Data })
        return true
      } catch (error) {
        if (isDuplicateKeyError(error)) return false
        throw error
      }
    },

    async set(coll, id, doc) {
      await db.collection(coll).doc(id).set({ data: withoutId(doc) })
    },

    async update(coll, w, spec) {
      const res = await where(coll, w).update({ data: toUpdateData(_, spec) })
      return res.stats.updated
    },

    async remove(coll, w) {
      return (await where(coll, w).remove()).stats.removed
    },

    transaction(body) {
      return db.runTransaction((tx) => body(txDb(db, tx)), TRANSACTION_RETRIES)
    },
  }
}
