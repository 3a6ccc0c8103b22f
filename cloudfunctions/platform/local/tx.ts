/**
 * Optimistic transactions over the local store. The body's reads record each document's
 * revision (or its absence), its writes are buffered (and visible to its own later reads), and
 * commit is one synchronous SQLite transaction (a savepoint within the store's group commit) that
 * checks every read is still current before applying the writes. On conflict the body runs again, as the cloud database's may.
 */
import type { TxDb, UpdateSpec } from '../ports'
import type { CollectionName, Collections } from '../../core/model'
import { applySpec, type Spec } from './sql'
import type { Read, SqliteStore, Write } from './store'

type Doc = Record<string, unknown>

const MAX_ATTEMPTS = 30

export class TransactionConflictError extends Error {
  constructor(attempts: number) {
    super(`transaction aborted: still conflicting after ${attempts} attempts`)
    this.name = 'TransactionConflictError'
  }
}


class OptimisticTx implements TxDb {
  private readonly reads = new Map<string, Read>()
  /** What this transaction sees: documents read so far, with its own writes applied. */
  private readonly view = new Map<string, Doc | null>()
  private readonly writes = new Map<string, Write>()
  private closed = false

  constructor(private readonly store: SqliteStore) {}

  private async current(coll: string, id: string): Promise<Doc | null> {
    this.checkOpen()
    const key = `${coll}\u0000${id}`
    if (this.view.has(key)) return this.view.get(key) ?? null
    const row = this.store.readRow(coll, id)
    this.reads.set(key, { coll, id, rev: row ? row.rev : 0 })
    const doc = row ? (JSON.parse(row.doc) as Doc) : null
    this.view.set(key, doc)
    return doc
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('transaction used after it finished (an operation was not awaited)')
  }

  private write(coll: string, id: string, doc: Doc | null): void {
    const key = `${coll}\u0000${id}`
    this.view.set(key, doc)
    this.writes.set(key, { coll, id, doc })
  }

  async get<C extends CollectionName>(coll: C, id: string): Promise<Collections[C] | null> {
    const doc = await this.current(coll, id)
    return doc ? (structuredClone(doc) as unknown as Collections[C]) : null
  }

  async add<C extends CollectionName>(coll: C, doc: Collections[C]): Promise<boolean> {
    const id = doc._id
    if (await this.current(coll, id)) return false
    this.write(coll, id, structuredClone(doc) as unknown as Doc)
    return true
  }

  async set<C extends CollectionName>(coll: C, id: string, doc: Collections[C]): Promise<void> {
    this.checkOpen()
    this.write(coll, id, { ...structuredClone(doc), _id: id } as unknown as Doc)
  }

  async update<C extends CollectionName>(coll: C, id: string, spec: UpdateSpec<Collections[C]>): Promise<number> {
    const doc = await this.current(coll, id)
    if (!doc) return 0
    this.write(coll, id, applySpec(doc, spec as Spec))
    return 1
  }

  async remove<C extends CollectionName>(coll: C, id: string): Promise<number> {
    if (!(await this.current(coll, id))) return 0
    this.write(coll, id, null)
    return 1
  }

  /** True when every read was still current, in which case the writes were applied. */
  commit(): Promise<boolean> {
    this.closed = true
    const reads = [...this.reads.values()]
    const writes = [...this.writes.values()]
    return this.store.run(() => this.store.commit(reads, writes))
  }

  /** Whether the reads are all still current (used when the body threw). */
  isCurrent(): boolean {
    this.closed = true
    return this.store.isCurrent(this.reads.values())
  }
}

/** Yield, then jittered exponential back-off so bodies contending for one document spread out. */
function backoff(attempt: number): Promise<void> {
  if (attempt < 2) return new Promise((resolve) => setImmediate(resolve))
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 100)))
}

export async function runTransaction<T>(store: SqliteStore, body: (tx: TxDb) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tx = new OptimisticTx(store)
    let result: T
    try {
      result = await body(tx)
    } catch (error) {
      // A body that threw after reading data that has since changed may have thrown because of
      // that inconsistency: run it again rather than report a state that never existed.
      if (tx.isCurrent() || attempt >= MAX_ATTEMPTS) throw error
      await backoff(attempt)
      continue
    }
    if (await tx.commit()) return result
    if (attempt >= MAX_ATTEMPTS) throw new TransactionConflictError(attempt)
    await backoff(attempt)
  }
}
