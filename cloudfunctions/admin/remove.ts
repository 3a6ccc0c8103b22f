/** `remove {kind, id}`: deletes one config document and records it (with what it was) in the audit log. */
import { z } from 'zod'
import { fail, ok, type Result } from '../core/errors'
import { recordAudit } from './audit'
import { adminAction } from './auth'
import { CONFIG_KINDS, configKinds } from './kinds'

const input = z.object({ kind: z.enum(CONFIG_KINDS), id: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/, '需为字母、数字、_ 或 -') }).strict()

export const remove = adminAction('write', input, async ({ kind, id }, operator, deps): Promise<Result<{ id: string }>> => {
  const def = configKinds[kind]
  const current = await deps.db.get(kind, id)
  if (!current) return fail('NOT_FOUND', '要删除的内容不存在')
  const refused = await def.checkRemove?.(current, deps)
  if (refused) return refused
  const now = deps.now()

  const result = await deps.db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    const existing = await tx.get(kind, id)
    if (!existing) return fail('NOT_FOUND', '要删除的内容不存在')
    const refusedNow = def.removable?.(existing)
    if (refusedNow) return refusedNow
    await tx.remove(kind, id)
    await recordAudit(tx, { operator: operator.username, action: 'remove', kind, targetId: id, before: existing, after: null, at: now })
    return ok({ id })
  })
  if (result.ok) def.changed?.(deps.db, id)
  return result
})
