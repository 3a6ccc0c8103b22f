import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { ProductCard as ProductCardData } from '@core/contract'
import { Empty } from '@/components/empty'
import { Loading } from '@/components/loading'
import { ProductCard } from '@/components/product-card'
import { useShareCard } from '@/hooks/useShareCard'
import { PAGES, productDetailUrl } from '@/routes'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { showError } from '@/utils/toast'
import './index.css'

export default function Home() {
  const nickname = useSession((s) => s.nickname)
  const [products, setProducts] = useState<ProductCardData[] | null>(null)
  const [failed, setFailed] = useState(false)

  // One call answers everything the home page shows.
  const load = useCallback(async () => {
    const result = await call('shop', 'home', {})
    if (!result.ok) {
      setFailed(true)
      showError(result)
      return
    }
    const { serverNow, member, products: shelf } = result.data
    useSession.getState().syncClock(serverNow)
    if (member) useSession.getState().setMember(member)
    setFailed(false)
    setProducts(shelf)
  }, [])

  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })
  useShareCard('群友好物 · 群里的朋友专享好价', PAGES.home)

  const open = (productId: string) => void Taro.navigateTo({ url: productDetailUrl(productId) })

  return (
    <View className='page home'>
      <View className='home__hero'>
        <Text className='home__hello'>{nickname ? `你好，${nickname}` : '你好，群友'}</Text>
        <Text className='home__tagline'>群里的朋友，专享的好价</Text>
      </View>
      <View className='section-title'>
        <Text>今日上架</Text>
        <Text className='section-title__more' onClick={() => void Taro.navigateTo({ url: PAGES.productList })}>
          全部商品 ›
        </Text>
      </View>
      {products === null ? (
        failed ? (
          <Empty text='没有连上小店，下拉或点按重试' actionText='重新加载' onAction={() => void load()} />
        ) : (
          <Loading />
        )
      ) : products.length === 0 ? (
        <Empty text='货架还空着，晚点再来看看' />
      ) : (
        <View className='product-grid'>
          {products.map((p) => (
            <ProductCard key={p._id} product={p} onOpen={open} />
          ))}
        </View>
      )}
    </View>
  )
}
