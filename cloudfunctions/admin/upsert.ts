/**
 * `upsert {kind, doc, baseUpdatedAt?}`: creates or replaces one config document. The kind
 * validates first (nothing is written on INVALID_INPUT, which names every bad field); then, in one
 * transaction, its guard checks the rules that concurrent saves could slip past, and the document
 * and its audit entry (before/after) commit.
 */
import { z } from 'zod'
import { fail, ok, type Result } from '../core/errors'
import type { ConfigDocs, ConfigKind } from './api'
import { recordAudit } from './audit'
import { adminAction } from './auth'
import { CONFIG_KINDS, configKinds } from './kinds'
import { invalidFields } from './kinds/kind'

const input = z
  .object({
    kind: z.enum(CONFIG_KINDS),
    doc: z.record(z.unknown()),
    baseUpdatedAt: z.number().int().min(0).optional(),
  })
  .strict()

export const upsert = adminAction('write', input, async ({ kind, doc, baseUpdatedAt }, operator, deps): Promise<Result<ConfigDocs[ConfigKind]>> => {
  const def = configKinds[kind]
  const prepared = await def.prepare(doc, deps)
  if (!prepared.ok) return invalidFields(prepared.fields)
  const { id, value } = prepared
  const now = deps.now()

  const result = await deps.db.transaction(async (tx): Promise<Result<ConfigDocs[ConfigKind]>> => {
    const existing = await tx.get(kind, id)
    if (baseUpdatedAt !== undefined && existing?.updatedAt !== baseUpdatedAt) {
      return fail('CONFLICT', existing ? '已被其他人修改，请刷新后重试' : '已被其他人删除，请刷新后重试')
    }
    // updatedAt is the document's version (baseUpdatedAt above; a flash sale's order path reads
    // it too), so every save moves it, even a second save within the same millisecond.
    const next = def.build(value, existing, { id, now: existing ? Math.max(now, existing.updatedAt + 1) : now })
    if ('ok' in next) return next
    const refused = await def.guard?.(tx, next, deps)
    if (refused) return invalidFields(refused)
    await tx.set(kind, id, next)
    await recordAudit(tx, {
      operator: operator.username,
      action: existing ? 'update' : 'create',
      kind,
      targetId: id,
      before: existing,
      after: next,
      at: now,
    })
    return ok(next)
  })
  if (result.ok) def.changed?.(deps.db, id)
  return result
})
