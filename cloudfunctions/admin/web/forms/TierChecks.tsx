/** Which group tiers qualify: 核心群 / 普通群 / 垂类群 / 点赞群. */
import { Checkbox } from 'antd'
import type { CheckboxGroupProps } from 'antd/es/checkbox'
import { GROUP_TIERS, TIER_NAMES } from '../../../core/membership'
import type { GroupTier } from '../../../core/model'

export const TIER_OPTIONS = GROUP_TIERS.map((tier) => ({ value: tier, label: TIER_NAMES[tier] }))

export function TierChecks(props: CheckboxGroupProps<GroupTier>) {
  return <Checkbox.Group<GroupTier> options={TIER_OPTIONS} {...props} />
}
