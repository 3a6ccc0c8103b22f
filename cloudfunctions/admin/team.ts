/** Operator accounts managed from the console: `me`, and `addOperator` (owner only). */
import { z } from 'zod'
import { fail, ok, type Result } from '../core/errors'
import type { AdminOutput } from './api'
import { recordAudit } from './audit'
import { adminAction } from './auth'
import { addOperator as createOperator } from './operators'

export const me = adminAction('read', z.object({}).strict(), async (_input, operator): Promise<Result<AdminOutput<'me'>>> => ok(operator))

const newOperator = z
  .object({
    username: z.string().regex(/^[A-Za-z0-9_.-]{2,32}$/, '用户名为 2-32 位字母、数字或 _ . -'),
    password: z.string().min(8, '密码至少 8 位').max(256),
    role: z.enum(['owner', 'operator', 'viewer']),
  })
  .strict()

export const addOperator = adminAction(
  'team',
  newOperator,
  async ({ username, password, role }, operator, { db, now }): Promise<Result<AdminOutput<'addOperator'>>> => {
    const at = now()
    if (!(await createOperator(db, username, password, role, at))) return fail('CONFLICT', '用户名已存在')
    await recordAudit(db, {
      operator: operator.username,
      action: 'create',
      kind: 'operators',
      targetId: username,
      before: null,
      after: { username, role },
      at,
    })
    return ok({ username, role })
  },
)
