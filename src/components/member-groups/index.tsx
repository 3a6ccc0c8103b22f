/**
 * Which groups make this person a member (群友) and since when; for someone who is not a member
 * yet, the perks greyed out and how to join.
 */
import { Text, View } from '@tarojs/components'
import type { MemberGroupView } from '@core/contract'
import { TIER_LABELS } from '@core/flashSale'
import { formatDate } from '@/utils/format'
import './index.css'

/** What a non-member is told, everywhere perks are greyed out. */
export const JOIN_LINE = '从品牌群聊里的小程序卡片打开即可成为群友'

const PERKS = [
  { key: 'priceDay', name: '群友价日', note: '专享低价' },
  { key: 'flash', name: '限量秒杀', note: '群友限量抢' },
] as const

export function tierText(group: Pick<MemberGroupView, 'tier' | 'topic'>): string {
  return group.topic ? `${TIER_LABELS[group.tier]} · ${group.topic}` : TIER_LABELS[group.tier]
}

export interface MemberGroupsProps {
  groups: MemberGroupView[]
  title?: string
}

export function MemberGroups({ groups, title = '我的群' }: MemberGroupsProps) {
  const member = groups.length > 0
  return (
    <View className={`member-groups card ${member ? '' : 'member-groups--outsider'}`}>
      <View className='member-groups__head'>
        <Text className='member-groups__title'>{title}</Text>
        <Text className='member-groups__badge'>{member ? '群友' : '还不是群友'}</Text>
      </View>
      {member ? (
        groups.map((group) => (
          <View key={group.opengid} className='member-groups__group'>
            <Text className='member-groups__name'>{group.name}</Text>
            <Text className='member-groups__tier'>{tierText(group)}</Text>
            <Text className='member-groups__since'>{formatDate(group.since)} 加入</Text>
          </View>
        ))
      ) : (
        <View>
          <View className='member-groups__perks'>
            {PERKS.map((perk) => (
              <View key={perk.key} className='member-groups__perk'>
                <Text className='member-groups__perk-name'>{perk.name}</Text>
                <Text className='member-groups__perk-note'>{perk.note}</Text>
              </View>
            ))}
          </View>
          <Text className='member-groups__join'>{JOIN_LINE}</Text>
        </View>
      )}
    </View>
  )
}

export default MemberGroups
