/**
 * The `member` function: login (creates the member on first visit), the profile, and binding
 * the member to the group chat they opened the mini program from.
 */
import { z } from 'zod'
import { fail, ok } from '../core/errors'
import type { OrderStatus } from '../core/order/status'
import { ORDER_STATUSES } from '../core/order/status'
import { cloudIdField } from '../core/membership'
import { nickname, noInput } from '../core/schemas'
import { action, defineFunction } from '../platform/function'
import type { ApiActions } from '../services/api'
import { bindGroup, currentGroupsOfMember } from '../services/membership'
import { findMember, loginMember, toMemberView } from '../services/members'

const actions = {
  login: action(z.object({ nickname: nickname.optional() }).strict(), async (input, deps) => {
    const openid = deps.ctx.openid
    if (!openid) return fail('UNAUTHENTICATED')
    const { member, isNew } = await loginMember(deps, openid, input.nickname)
    return ok({ ...toMemberView(member), isNew })
  }),

  profile: action(noInput, async (_input, deps) => {
    const openid = deps.ctx.openid
    if (!openid) return fail('UNAUTHENTICATED')
    const member = await findMember(deps.db, openid)
    // Logging in creates the member; the client logs in on launch.
    if (!member) return fail('UNAUTHENTICATED')
    const [counts, groups] = await Promise.all([
      Promise.all(ORDER_STATUSES.map((status) => deps.db.count('orders', { openid, status }))),
      currentGroupsOfMember(deps.db, member),
    ])
    const orderCounts: Partial<Record<OrderStatus, number>> = {}
    ORDER_STATUSES.forEach((status, i) => {
      if (counts[i]) orderCounts[status] = counts[i]
    })
    return ok({ ...toMemberView(member), orderCounts, groups })
  }),

  /** The client calls this when launched from a group chat, with the CloudID of `getGroupEnterInfo`. */
  bindGroup: action(z.object({ group: cloudIdField }).strict(), async ({ group }, deps) => {
    const openid = deps.ctx.openid
    if (!openid) return fail('UNAUTHENTICATED')
    return bindGroup(deps, openid, group)
  }),
} satisfies ApiActions<'member'>

export default defineFunction('member', actions)
