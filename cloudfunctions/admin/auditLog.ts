/** `audit {kind?, skip?, limit?}`: the audit log, newest first, for the console's 审计日志 page. */
import { z } from 'zod'
import { ok, type Result } from '../core/errors'
import type { AuditEntry } from '../core/model'
import { skip } from '../core/schemas'
import type { Where } from '../platform/ports'
import type { ListOutput } from './api'
import { adminAction } from './auth'

const input = z
  .object({
    kind: z.string().regex(/^[A-Za-z]{1,32}$/, '类型无效').optional(),
    skip: skip.optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict()

export const audit = adminAction('read', input, async ({ kind, skip: from, limit }, _operator, { db }): Promise<Result<ListOutput<AuditEntry>>> => {
  const where: Where<AuditEntry> = kind ? { kind } : {}
  const [items, total] = await Promise.all([
    // Ids start with the zero-padded time, so they break ties in time order too.
    db.query('audit', where, { orderBy: [['at', 'desc'], ['_id', 'desc']], skip: from ?? 0, limit: limit ?? 20 }),
    db.count('audit', where),
  ])
  return ok({ items, total })
})
