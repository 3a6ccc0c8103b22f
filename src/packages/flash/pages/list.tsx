import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FlashSaleView } from '@core/contract'
import { Empty } from '@/components/empty'
import { FlashCard } from '@/components/flash-card'
import { Loading } from '@/components/loading'
import { useGroupsChanged } from '@/hooks/useGroupsChanged'
import { useReloadWhenDue } from '@/hooks/useReloadWhenDue'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { useShareCard } from '@/hooks/useShareCard'
import { flashDetailUrl, PAGES } from '@/routes'
import { withServerClock } from '@/services/clock'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { showError } from '@/utils/toast'
import { FLASH_BUTTON_TEXT } from '../button'
import './list.css'

export default function FlashList() {
  const clockOffsetMs = useSession((s) => s.clockOffsetMs)
  const [sales, setSales] = useState<FlashSaleView[] | null>(null)
  const [answeredAt, setAnsweredAt] = useState(0)

  const load = useCallback(async () => {
    const result = await withServerClock(() => call('flash', 'list', {}))
    if (!result.ok) {
      showError(result)
      setSales((prev) => prev ?? [])
      return
    }
    setSales(result.data.items)
    setAnsweredAt(result.data.serverNow)
  }, [])

  useRefreshOnShow(load)
  useGroupsChanged(() => void load())
  const reloadWhenDue = useReloadWhenDue(load)
  useShareCard('群友限量秒杀 · 手慢无', PAGES.flashList)

  const open = (saleId: string) => void Taro.navigateTo({ url: flashDetailUrl(saleId) })

  if (sales === null) return <Loading />
  if (sales.length === 0) {
    return (
      <View className='page'>
        <Empty text='暂时没有秒杀活动，开抢前会在群里通知' actionText='去首页逛逛' onAction={() => void Taro.switchTab({ url: PAGES.home })} />
      </View>
    )
  }

  const running = sales.filter((s) => s.state === 'running' || s.state === 'soldOut')
  const upcoming = sales.filter((s) => s.state === 'upcoming')
  const section = (title: string, items: FlashSaleView[]) =>
    items.length === 0 ? null : (
      <View>
        <View className='section-title'>
          <Text>{title}</Text>
        </View>
        {items.map((sale) => (
          <FlashCard
            key={sale._id}
            sale={sale}
            clockOffsetMs={clockOffsetMs}
            serverNow={answeredAt}
            onOpen={open}
            onPhaseEnd={reloadWhenDue}
            action={sale.button === 'notStarted' && sale.reminded ? '已设提醒' : FLASH_BUTTON_TEXT[sale.button]}
          />
        ))}
      </View>
    )

  return (
    <View className='page flash-list'>
      {section('正在抢购', running)}
      {section('即将开抢', upcoming)}
    </View>
  )
}
