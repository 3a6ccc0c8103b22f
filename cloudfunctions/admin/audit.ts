/**
 * The audit log: one entry per operator change (who, what, before/after, when). Writes go
 * through `add`, so the same call works on the database or inside a transaction, letting a
 * config change and its audit entry commit together.
 */
import { randomUUID } from 'node:crypto'
import type { AuditEntry } from '../core/model'
import type { TxDb } from '../platform/ports'

export type AuditInput = Omit<AuditEntry, '_id'> & {
  /** A deterministic id (e.g. from the request's idempotency key) so a replay logs once. */
  id?: string
}

/** Secrets never reach the log, whatever the caller passes. */
const REDACTED_FIELDS = new Set(['password', 'passwordHash', 'token'])

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, REDACTED_FIELDS.has(key) ? '[redacted]' : redact(v)]),
  )
}

/** Writes one audit entry; resolves its id (false from `add` means a replay, already logged). */
export async function recordAudit(db: Pick<TxDb, 'add'>, input: AuditInput): Promise<string> {
  const { id, ...entry } = input
  // Time first so ids sort by time even without an index on `at`.
  const _id = id ?? `${String(entry.at).padStart(13, '0')}-${randomUUID()}`
  await db.add('audit', { _id, ...entry, before: redact(entry.before) ?? null, after: redact(entry.after) ?? null })
  return _id
}
