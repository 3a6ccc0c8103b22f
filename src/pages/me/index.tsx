import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ORDER_STATUSES, ORDER_STATUS_TEXT, type OrderStatus } from '@core/order/status'
import { MemberGroups } from '@/components/member-groups'
import { useGroupsChanged } from '@/hooks/useGroupsChanged'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { useShareCard } from '@/hooks/useShareCard'
import { orderListUrl, PAGES } from '@/routes'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { showError } from '@/utils/toast'
import { DevUserSwitcher } from './DevUserSwitcher'
import './index.css'

type Counts = Partial<Record<OrderStatus, number>>

export default function Me() {
  const nickname = useSession((s) => s.nickname)
  const openid = useSession((s) => s.openid)
  const groups = useSession((s) => s.groups)
  const [counts, setCounts] = useState<Counts>({})

  const load = useCallback(async () => {
    const result = await call('member', 'profile', {})
    if (!result.ok) {
      // A member not signed in yet has no orders to count: nothing to shout about.
      if (result.code !== 'UNAUTHENTICATED' && result.code !== 'NOT_FOUND') showError(result)
      setCounts({})
      return
    }
    useSession.getState().setMember(result.data)
    useSession.getState().setGroups(result.data.groups)
    setCounts(result.data.orderCounts)
  }, [])

  useRefreshOnShow(load)
  useGroupsChanged(() => void load())
  useShareCard('群友好物 · 群里的朋友专享好价', PAGES.home)

  const openOrders = (status?: OrderStatus) => void Taro.navigateTo({ url: orderListUrl(status) })

  return (
    <View className='page me'>
      <View className='me__profile card'>
        <View className='me__avatar'>
          <Text>{(nickname || '群').slice(0, 1)}</Text>
        </View>
        <View className='me__who'>
          <Text className='me__nickname'>{nickname || '群友'}</Text>
          {openid ? <Text className='me__openid'>ID {openid}</Text> : null}
        </View>
      </View>

      <MemberGroups groups={groups} />

      <View className='me__orders card'>
        <View className='me__orders-head' onClick={() => openOrders()}>
          <Text className='me__orders-title'>我的订单</Text>
          <Text className='muted me__orders-all'>全部订单 ›</Text>
        </View>
        <View className='me__counts'>
          {ORDER_STATUSES.map((status) => (
            <View key={status} className='me__count' onClick={() => openOrders(status)}>
              <Text className={`me__count-num ${status === 'pending' && counts[status] ? 'me__count-num--hot' : ''}`}>
                {counts[status] ?? 0}
              </Text>
              <Text className='me__count-label'>{ORDER_STATUS_TEXT[status]}</Text>
            </View>
          ))}
        </View>
      </View>

      {process.env.TARO_ENV === 'h5' ? <DevUserSwitcher onSwitched={() => void load()} /> : null}
    </View>
  )
}
