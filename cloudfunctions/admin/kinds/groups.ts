/**
 * Groups: an operator names a group someone opened the mini program from (pending -> registered),
 * or renames / re-tiers a registered one. `_id` is the opengid. Removing a group takes its perks
 * away at once; memberships are kept, so registering it again restores them.
 */
import { z } from 'zod'
import { fieldErrorsOf, OPENGID_PATTERN, validateGroupNaming } from '../../core/membership'
import type { Group } from '../../core/model'
import { forgetGroups } from '../../services/membership'
import type { GroupNaming } from '../../core/membership'
import type { ConfigKindDef } from './kind'

const envelope = z
  .object({ _id: z.string({ required_error: '缺少群 ID' }).regex(OPENGID_PATTERN, '群 ID 无效') })
  .passthrough()

export const groups: ConfigKindDef<Group, GroupNaming> = {
  async prepare(doc) {
    const parsed = envelope.safeParse(doc)
    if (!parsed.success) return { ok: false, fields: fieldErrorsOf(parsed.error) }
    const { _id, ...naming } = parsed.data
    const checked = validateGroupNaming(naming)
    return checked.ok ? { ok: true, id: _id, value: checked.value } : { ok: false, fields: checked.errors }
  },

  build({ name, tier, topic }, existing, { id, now }) {
    const base: Group = existing ?? { _id: id, status: 'pending', name: '', tier, firstSeenAt: now, firstSeenBy: '', updatedAt: now }
    const { topic: _old, ...rest } = base
    return {
      ...rest,
      ...(topic ? { topic } : {}),
      status: 'registered',
      name,
      tier,
      registeredAt: base.registeredAt ?? now,
      updatedAt: now,
    }
  },

  changed: forgetGroups,
}
