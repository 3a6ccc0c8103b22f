/**
 * Group membership rules (群友身份): group tiers and their names, membership ids, and which of a
 * member's groups count. Pure: the caller loads the member and the groups.
 */
import { z } from 'zod'
import type { MemberGroupView } from './contract'
import type { Group, GroupTier, MemberGroupRef } from './model'

export const GROUP_TIERS = ['core', 'ordinary', 'topic', 'like'] as const satisfies readonly GroupTier[]

export const TIER_NAMES = {
  core: '核心群',
  ordinary: '普通群',
  topic: '垂类群',
  like: '点赞群',
} as const satisfies Record<GroupTier, string>

/** An opengid as WeChat issues it (and as `dev:<opengid>` ids name it locally). */
export const OPENGID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/

const cloudId = z.string().regex(/^[A-Za-z0-9_:-]{1,256}$/, '需为开放数据 CloudID')

/**
 * The `group` input of `member.bindGroup`: a CloudID string, or the object WeChat puts in place
 * of a top-level `cloud.CloudID(id)` field (whether WeChat really did is the open-data port's check).
 */
export const cloudIdField = z.union([
  cloudId,
  z.object({
    cloudID: cloudId,
    data: z.record(z.unknown()).optional(),
    errCode: z.number().int().optional(),
    errMsg: z.string().max(256).optional(),
  }),
])

/** The id of `openid`'s membership of group `opengid`; neither part can contain ':'. */
export function membershipId(opengid: string, openid: string): string {
  return `${opengid}:${openid}`
}

/**
 * The member's group list with `opengid` added (joined at `since`), or null when it is there
 * already: the first time counts, later opens change nothing.
 */
export function withGroup(groups: readonly MemberGroupRef[] | undefined, opengid: string, since: number): MemberGroupRef[] | null {
  const current = groups ?? []
  if (current.some((g) => g.opengid === opengid)) return null
  return [...current, { opengid, since }]
}

/** A group as its members see it. */
export function toMemberGroupView(group: Group, since: number): MemberGroupView {
  const view: MemberGroupView = { opengid: group._id, name: group.name, tier: group.tier, since }
  if (group.topic) view.topic = group.topic
  return view
}

/**
 * The member's groups that are registered now, oldest membership first. Groups an operator has
 * not named (pending) or has removed are left out: they grant nothing.
 */
export function memberGroupViews(
  refs: readonly MemberGroupRef[] | undefined,
  groupOf: (opengid: string) => Group | undefined,
): MemberGroupView[] {
  const views: MemberGroupView[] = []
  for (const ref of refs ?? []) {
    const group = groupOf(ref.opengid)
    if (group && group.status === 'registered') views.push(toMemberGroupView(group, ref.since))
  }
  return views.sort((a, b) => a.since - b.since || a.opengid.localeCompare(b.opengid))
}

/** The distinct tiers of a member's registered groups. */
export function tiersOf(groups: readonly Pick<MemberGroupView, 'tier'>[]): GroupTier[] {
  return [...new Set(groups.map((g) => g.tier))]
}

/** What an operator types to name a seen group. */
export interface GroupNaming {
  name: string
  tier: GroupTier
  topic?: string
}

const groupNamingSchema = z
  .object({
    name: z.string().trim().min(1, '请填写群名称').max(30, '群名称最多 30 个字'),
    tier: z.enum(GROUP_TIERS, { errorMap: () => ({ message: '请选择群类型' }) }),
    topic: z.string().trim().max(10, '主题最多 10 个字').optional(),
  })
  .strict()

/** Field path -> Chinese message, for the console to show beside each field. */
export type FieldErrors = Record<string, string>

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

/** Collects zod issues as field errors (the first per field). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field =
      issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys].join('.') : issue.path.join('.') || 'input'
    errors[field] ??= issue.code === 'unrecognized_keys' ? '不支持的字段' : issue.message
  }
  return errors
}

/**
 * Checks an operator's naming of a group: a name, a tier, and a topic for topic groups (垂类群)
 * only. Returns the trimmed value or field-level errors.
 */
export function validateGroupNaming(input: unknown): Validation<GroupNaming> {
  const parsed = groupNamingSchema.safeParse(input)
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) }
  const { name, tier, topic } = parsed.data
  if (tier === 'topic' && !topic) return { ok: false, errors: { topic: '垂类群请填写主题，如 科技' } }
  if (tier !== 'topic' && topic) return { ok: false, errors: { topic: '只有垂类群需要主题' } }
  return { ok: true, value: topic ? { name, tier, topic } : { name, tier } }
}
