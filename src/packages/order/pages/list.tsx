import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import type { OrderView } from '@core/contract'
import { ORDER_STATUSES, ORDER_STATUS_TEXT, type OrderStatus } from '@core/order/status'
import { Empty } from '@/components/empty'
import { Loading } from '@/components/loading'
import { OrderCard } from '@/components/order-card'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { useShareCard } from '@/hooks/useShareCard'
import { orderDetailUrl, PAGES } from '@/routes'
import { call } from '@/services/cloud'
import { showError } from '@/utils/toast'
import './list.css'

type Tab = OrderStatus | 'all'

const TABS: Array<{ key: Tab; text: string }> = [
  { key: 'all', text: '全部' },
  ...ORDER_STATUSES.map((s) => ({ key: s, text: ORDER_STATUS_TEXT[s] })),
]

function toTab(value: string | undefined): Tab {
  return (ORDER_STATUSES as readonly string[]).includes(value ?? '') ? (value as OrderStatus) : 'all'
}

export default function OrderList() {
  const [tab, setTab] = useState<Tab>(toTab(useRouter().params.status))
  const [orders, setOrders] = useState<OrderView[] | null>(null)
  const [nextSkip, setNextSkip] = useState<number | undefined>(undefined)
  // Answers for a tab the person has since left are dropped.
  const current = useRef(tab)

  const load = useCallback(async (which: Tab, skip?: number) => {
    const input = {
      ...(which === 'all' ? {} : { status: which }),
      ...(skip === undefined ? {} : { skip }),
    }
    const result = await call('order', 'list', input)
    if (current.current !== which) return
    if (!result.ok) {
      showError(result)
      setOrders((prev) => prev ?? [])
      return
    }
    setOrders((prev) => (skip === undefined ? result.data.items : [...(prev ?? []), ...result.data.items]))
    setNextSkip(result.data.nextSkip)
  }, [])

  useRefreshOnShow(() => load(current.current))
  useReachBottom(() => {
    if (nextSkip !== undefined) void load(current.current, nextSkip)
  })
  useShareCard('群友好物 · 群里的朋友专享好价', PAGES.home)

  const choose = (next: Tab) => {
    if (next === current.current) return
    current.current = next
    setTab(next)
    setOrders(null)
    setNextSkip(undefined)
    void load(next)
  }

  const open = (orderId: string) => void Taro.navigateTo({ url: orderDetailUrl(orderId) })

  return (
    <View className='order-list'>
      <View className='order-list__tabs'>
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`order-list__tab ${t.key === tab ? 'order-list__tab--on' : ''}`}
            onClick={() => choose(t.key)}
          >
            <Text>{t.text}</Text>
          </View>
        ))}
      </View>
      <View className='order-list__body'>
        {orders === null ? (
          <Loading />
        ) : orders.length === 0 ? (
          <Empty
            text={tab === 'all' ? '还没有订单，去逛逛吧' : `没有${TABS.find((t) => t.key === tab)?.text ?? ''}的订单`}
            actionText='去首页逛逛'
            onAction={() => void Taro.switchTab({ url: PAGES.home })}
          />
        ) : (
          orders.map((o) => <OrderCard key={o._id} order={o} onOpen={open} />)
        )}
      </View>
    </View>
  )
}
