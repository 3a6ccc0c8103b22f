/**
 * How one config kind (products, groups, price days, flash sales) is validated, stored and
 * removed. `upsert.ts` and `remove.ts` run every kind the same way: validate with whatever reads
 * the kind needs, then, in one transaction, check the rules that must hold against concurrent
 * saves and write the change and its audit entry.
 */
import { randomBytes } from 'node:crypto'
import type { Failure } from '../../core/errors'
import type { FieldErrors } from '../../core/membership'
import type { Db, Deps, TxDb } from '../../platform/ports'
import type { FieldFailure } from '../api'

/** Validated input, and the `_id` it is stored under. */
export type Prepared<V> = { ok: true; id: string; value: V } | { ok: false; fields: FieldErrors }

export interface ConfigKindDef<D extends { _id: string; updatedAt: number }, V> {
  /** Validates what the operator sent (shape first, then rules that need reads). Writes nothing. */
  prepare(doc: Record<string, unknown>, deps: Deps): Promise<Prepared<V>>
  /**
   * The document to store given what is stored now (read inside the transaction, so counters
   * moved by concurrent orders are current). A failure stops the transaction before any write.
   * `now` is the save's time, always after the stored `updatedAt`: build sets `updatedAt` to it.
   */
  build(value: V, existing: D | null, at: { id: string; now: number }): D | Failure
  /**
   * Rules that two saves at once could both pass if checked only before the transaction: checked
   * inside it, on documents it reads and rewrites (`tx`); `deps.db` is there for reads that must
   * not make the save conflict with unrelated writes. Field errors refuse the save, and nothing is
   * written.
   */
  guard?(tx: TxDb, next: D, deps: Deps): Promise<FieldErrors | null>
  /** Why the document may not be removed (checked before the transaction), or null. */
  checkRemove?(existing: D, deps: Deps): Promise<Failure | null>
  /** The same check on the document as read inside the removing transaction (counters moved since). */
  removable?(existing: D): Failure | null
  /**
   * Drops the display caches this instance keeps of the kind (services/instanceCache), so the
   * next home view it serves shows the change. Instances of other functions (WeChat runs each
   * function in its own) catch up when their short cache time runs out.
   */
  changed?(db: Db, id: string): void
}

/** INVALID_INPUT naming the first bad field in the message and every bad field in `fields`. */
export function invalidFields(fields: FieldErrors): FieldFailure {
  const [first] = Object.entries(fields)
  const message = first ? `字段 ${first[0]} 无效: ${first[1]}` : '输入有误'
  return { ok: false, code: 'INVALID_INPUT', message, fields }
}

/** A fresh document id: time-ordered, then random, within `docId`'s alphabet. */
export function newId(prefix: string, now: number): string {
  return `${prefix}-${now.toString(36)}${randomBytes(5).toString('hex')}`
}
