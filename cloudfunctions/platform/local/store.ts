/**
 * The SQLite file behind the local database: one table per collection (created on first use),
 * expression indexes on hot fields, a cache of prepared statements (the gateway's hot path
 * prepares nothing after warm-up), and group commit: writes queue up and run, in order, in one
 * SQLite transaction per turn of the event loop. A commit per write costs ~10x more than the
 * statement itself, so batching is what lets thousands of orders a second through. Reads do not
 * wait: a write is not acknowledged before its batch commits, so a read that misses a queued
 * write is simply ordered before it (the cloud database orders concurrent calls no better).
 * The reads of one turn share one read transaction (opening one per statement takes and drops
 * file locks each time, a third of a small read's cost). It ends before the turn's commit and,
 * for every store of the process, before any write is acknowledged, so a read that follows an
 * acknowledged write sees it; a write by another process is seen from the next turn on.
 */
import { setImmediate as nextTurn } from 'node:timers'
import Database from 'better-sqlite3'
import { startCheckpointer, type Checkpointer } from './checkpointer'
import { indexStatements, table, type IndexSpec, type SqlValue } from './sql'

type Statement = Database.Statement<SqlValue[], unknown>

/** Stores of this process with a read transaction open (ended before any write is acknowledged). */
const openReads = new Set<SqliteStore>()

export interface StoredRow {
  rev: number
  doc: string
}

/** A document a transaction read, at the revision it saw (0 when absent). */
export interface Read {
  coll: string
  id: string
  rev: number
}

/** A buffered transaction write; a null `doc` removes the document. */
export interface Write {
  coll: string
  id: string
  doc: Record<string, unknown> | null
}

interface Queued {
  op: () => unknown
  resolve(value: unknown): void
  reject(error: unknown): void
  /** Set by the batch: what `op` returned or threw. */
  value?: unknown
  failed?: boolean
}

/** The prepared statements on one collection's table, prepared once. */
export interface CollectionStatements {
  /** The quoted table name. */
  table: string
  getDoc: Statement
  readRow: Statement
  readRev: Statement
  insert: Statement
  upsert: Statement
  delete: Statement
}

/** Operations per SQLite transaction; a longer queue is committed in several. */
const MAX_BATCH = 1000

export class SqliteStore {
  readonly sqlite: Database.Database
  private readonly statements = new Map<string, Statement>()
  private readonly collections = new Map<string, CollectionStatements>()
  /**
   * Revisions come from one increasing sequence (not per-document counters) so a document that
   * is removed and added again never repeats a revision a transaction may have read.
   */
  private lastRev = Date.now() * 1000
  private readonly commitTx: (reads: Iterable<Read>, writes: Iterable<Write>) => boolean
  private readonly runBatch: (batch: Queued[]) => void
  private queue: Queued[] = []
  private flushScheduled = false
  private readonly beginRead: Statement
  private readonly endRead: Statement
  private reading = false

  private readonly checkpointer?: Checkpointer

  constructor(
    file: string,
    private readonly indexes: IndexSpec,
    options: { backgroundCheckpoints?: boolean } = {},
  ) {
    this.sqlite = new Database(file)
    this.sqlite.pragma('journal_mode = WAL')
    this.sqlite.pragma('synchronous = NORMAL')
    this.sqlite.pragma('temp_store = MEMORY')
    if (options.backgroundCheckpoints && file !== ':memory:') {
      this.sqlite.pragma('wal_autocheckpoint = 0')
      // Should the worker fail, this connection checkpoints for itself again (SQLite's default).
      this.checkpointer = startCheckpointer(file, {
        onFailure: () => {
          if (this.sqlite.open) this.sqlite.pragma('wal_autocheckpoint = 1000')
        },
      })
    }
    this.beginRead = this.sqlite.prepare<SqlValue[], unknown>('BEGIN')
    this.endRead = this.sqlite.prepare<SqlValue[], unknown>('COMMIT')
    this.commitTx = this.sqlite.transaction((reads: Iterable<Read>, writes: Iterable<Write>): boolean => {
      if (!this.isCurrent(reads)) return false
      for (const { coll, id, doc } of writes) {
        if (doc) this.upsert(coll, id, JSON.stringify(doc))
        else this.delete(coll, id)
      }
      return true
    })
    // Each operation is caught on its own: one failing statement is rolled back by SQLite
    // alone (a nested transaction by its savepoint) and does not undo the others.
    this.runBatch = this.sqlite.transaction((batch: Queued[]): void => {
      for (const item of batch) {
        try {
          item.value = item.op()
        } catch (error) {
          item.value = error
          item.failed = true
        }
      }
    })
  }

  /**
   * Runs `op` (synchronous SQLite writes) in the next group commit, in the order queued; resolves
   * after the batch commits.
   */
  run<T>(op: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (value: unknown) => void, reject })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        // node:timers, not the global: a test's fake timers must not stall the database.
        nextTurn(this.flush)
      }
    })
  }

  /**
   * Opens the read transaction this turn's reads share, unless one (or the batch's write
   * transaction) is open already.
   */
  read(): void {
    if (this.reading || this.sqlite.inTransaction) return
    this.beginRead.run()
    this.reading = true
    openReads.add(this)
    nextTurn(this.closeRead)
  }

  /** Ends the turn's read transaction, if open. */
  readonly closeRead = (): void => {
    if (!this.reading) return
    this.reading = false
    openReads.delete(this)
    if (this.sqlite.open) this.endRead.run()
  }

  private readonly flush = (): void => {
    this.flushScheduled = false
    this.closeRead()
    while (this.queue.length > 0) {
      const batch = this.queue.length <= MAX_BATCH ? this.queue : this.queue.slice(0, MAX_BATCH)
      this.queue = batch === this.queue ? [] : this.queue.slice(MAX_BATCH)
      try {
        this.runBatch(batch)
      } catch (error) {
        // The commit itself failed (disk full, I/O error): nothing in the batch happened.
        for (const item of batch) item.reject(error)
        continue
      }
      // Reads after an acknowledged write must see it, on every connection of this process.
      for (const store of openReads) store.closeRead()
      for (const item of batch) {
        if (item.failed) item.reject(item.value)
        else item.resolve(item.value)
      }
    }
  }

  /** The quoted table of a collection, creating it and its indexes on first use. */
  table(coll: string): string {
    return this.collection(coll).table
  }

  /** A collection's table (created with its indexes on first use) and its by-id statements. */
  collection(coll: string): CollectionStatements {
    const known = this.collections.get(coll)
    if (known) return known
    const name = table(coll)
    // DDL commits on its own, not with the turn's reads.
    this.closeRead()
    this.sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${name} (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, doc TEXT NOT NULL)`,
    )
    for (const sql of indexStatements(coll, this.indexes[coll] ?? [])) this.sqlite.exec(sql)
    const statements: CollectionStatements = {
      table: name,
      getDoc: this.stmt(`SELECT doc FROM ${name} WHERE id = ?`).pluck(),
      readRow: this.stmt(`SELECT rev, doc FROM ${name} WHERE id = ?`),
      readRev: this.stmt(`SELECT rev FROM ${name} WHERE id = ?`).pluck(),
      insert: this.stmt(`INSERT INTO ${name} (id, rev, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`),
      upsert: this.stmt(
        `INSERT INTO ${name} (id, rev, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, doc = excluded.doc`,
      ),
      delete: this.stmt(`DELETE FROM ${name} WHERE id = ?`),
    }
    this.collections.set(coll, statements)
    return statements
  }

  /** A cached prepared statement. Callers build SQL only from tables and validated field names. */
  stmt(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.sqlite.prepare<SqlValue[], unknown>(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  nextRev(): number {
    return ++this.lastRev
  }

  /** A document's JSON, or undefined. */
  readDoc(coll: string, id: string): string | undefined {
    const statements = this.collection(coll)
    this.read()
    return statements.getDoc.get(id) as string | undefined
  }

  readRow(coll: string, id: string): StoredRow | undefined {
    const statements = this.collection(coll)
    this.read()
    return statements.readRow.get(id) as StoredRow | undefined
  }

  readRev(coll: string, id: string): number | undefined {
    const statements = this.collection(coll)
    this.read()
    return statements.readRev.get(id) as number | undefined
  }

  /** Inserts unless the id exists; true when inserted. */
  insert(coll: string, id: string, json: string): boolean {
    return this.collection(coll).insert.run(id, this.nextRev(), json).changes === 1
  }

  upsert(coll: string, id: string, json: string): void {
    this.collection(coll).upsert.run(id, this.nextRev(), json)
  }

  delete(coll: string, id: string): number {
    return this.collection(coll).delete.run(id).changes
  }

  isCurrent(reads: Iterable<Read>): boolean {
    for (const read of reads) {
      if ((this.readRev(read.coll, read.id) ?? 0) !== read.rev) return false
    }
    return true
  }

  /** One SQLite transaction: applies `writes` only if every read is still current. */
  commit(reads: Iterable<Read>, writes: Iterable<Write>): boolean {
    return this.commitTx(reads, writes)
  }

  close(): void {
    if (!this.sqlite.open) return
    this.flush()
    this.closeRead()
    this.checkpointer?.stop()
    this.statements.clear()
    this.sqlite.close()
  }
}
