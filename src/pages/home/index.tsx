import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { HomeView } from '@core/contract'
import { Empty } from '@/components/empty'
import { FlashCard } from '@/components/flash-card'
import { Loading } from '@/components/loading'
import { MemberGroups, tierText } from '@/components/member-groups'
import { ProductCard } from '@/components/product-card'
import { useGroupsChanged } from '@/hooks/useGroupsChanged'
import { useReloadWhenDue } from '@/hooks/useReloadWhenDue'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { useShareCard } from '@/hooks/useShareCard'
import { flashDetailUrl, PAGES, productDetailUrl } from '@/routes'
import { withServerClock } from '@/services/clock'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { formatDate } from '@/utils/format'
import { showError } from '@/utils/toast'
import { PriceDays } from './PriceDays'
import './index.css'

export default function Home() {
  const nickname = useSession((s) => s.nickname)
  const groups = useSession((s) => s.groups)
  const clockOffsetMs = useSession((s) => s.clockOffsetMs)
  const [home, setHome] = useState<HomeView | null>(null)
  const [failed, setFailed] = useState(false)

  // One call answers everything the home page shows.
  const load = useCallback(async () => {
    const result = await withServerClock(() => call('shop', 'home', {}))
    if (!result.ok) {
      setFailed(true)
      showError(result)
      return
    }
    const session = useSession.getState()
    if (result.data.member) session.setMember(result.data.member)
    session.setGroups(result.data.groups)
    setFailed(false)
    setHome(result.data)
  }, [])

  useRefreshOnShow(load)
  useGroupsChanged(() => void load())
  const reloadWhenDue = useReloadWhenDue(load)
  useShareCard('群友好物 · 群里的朋友专享好价', PAGES.home)

  const openProduct = (productId: string) => void Taro.navigateTo({ url: productDetailUrl(productId) })
  const openSale = (saleId: string) => void Taro.navigateTo({ url: flashDetailUrl(saleId) })

  return (
    <View className='page home'>
      <View className='home__hero'>
        <Text className='home__hello'>{nickname ? `你好，${nickname}` : '你好，群友'}</Text>
        {groups.length > 0 ? (
          <View className='home__groups'>
            {groups.map((g) => (
              <Text key={g.opengid} className='home__group'>
                {g.name} · {tierText(g)} · {formatDate(g.since)} 起
              </Text>
            ))}
          </View>
        ) : (
          <Text className='home__tagline'>群里的朋友，专享的好价</Text>
        )}
      </View>

      {home === null ? (
        failed ? (
          <Empty text='没有连上小店，下拉或点按重试' actionText='重新加载' onAction={() => void load()} />
        ) : (
          <Loading />
        )
      ) : (
        <View>
          {home.groups.length === 0 ? <MemberGroups groups={[]} title='群友权益' /> : null}

          <PriceDays
            priceDays={home.priceDays}
            nextPriceDayAt={home.nextPriceDayAt}
            serverNow={home.serverNow}
            clockOffsetMs={clockOffsetMs}
            onOpen={openProduct}
            onDue={reloadWhenDue}
          />

          {home.flashSales.length > 0 ? (
            <View className='home__flash'>
              <View className='section-title'>
                <Text>限量秒杀</Text>
                <Text className='section-title__more' onClick={() => void Taro.navigateTo({ url: PAGES.flashList })}>
                  全部秒杀 ›
                </Text>
              </View>
              {home.flashSales.map((sale) => (
                <FlashCard
                  key={sale._id}
                  sale={sale}
                  clockOffsetMs={clockOffsetMs}
                  serverNow={home.serverNow}
                  onOpen={openSale}
                  onPhaseEnd={reloadWhenDue}
                />
              ))}
            </View>
          ) : null}

          <View className='section-title'>
            <Text>今日上架</Text>
            <Text className='section-title__more' onClick={() => void Taro.navigateTo({ url: PAGES.productList })}>
              全部商品 ›
            </Text>
          </View>
          {home.products.length === 0 ? (
            <Empty text='货架还空着，晚点再来看看' />
          ) : (
            <View className='product-grid'>
              {home.products.map((p) => (
                <ProductCard key={p._id} product={p} onOpen={openProduct} />
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
