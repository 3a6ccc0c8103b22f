import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ProductCard as ProductCardData } from '@core/contract'
import { Empty } from '@/components/empty'
import { Loading } from '@/components/loading'
import { ProductCard } from '@/components/product-card'
import { useShareCard } from '@/hooks/useShareCard'
import { PAGES, productDetailUrl } from '@/routes'
import { call } from '@/services/cloud'
import { showError } from '@/utils/toast'
import './list.css'

export default function ProductList() {
  const [items, setItems] = useState<ProductCardData[] | null>(null)
  const [nextSkip, setNextSkip] = useState<number | undefined>(undefined)
  const loading = useRef(false)

  const load = useCallback(async (skip?: number) => {
    if (loading.current) return
    loading.current = true
    const result = await call('shop', 'products', skip === undefined ? {} : { skip })
    loading.current = false
    if (!result.ok) {
      showError(result)
      setItems((prev) => prev ?? [])
      return
    }
    setItems((prev) => (skip === undefined ? result.data.items : [...(prev ?? []), ...result.data.items]))
    setNextSkip(result.data.nextSkip)
  }, [])

  useLoad(() => {
    void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (nextSkip !== undefined) void load(nextSkip)
  })
  useShareCard('群友好物 · 全部商品', PAGES.productList)

  const open = (productId: string) => void Taro.navigateTo({ url: productDetailUrl(productId) })

  return (
    <View className='page product-list'>
      {items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty text='还没有上架的商品' />
      ) : (
        <View>
          <View className='product-grid'>
            {items.map((p) => (
              <ProductCard key={p._id} product={p} onOpen={open} />
            ))}
          </View>
          <Text className='product-list__end'>{nextSkip === undefined ? '— 已经到底啦 —' : '加载更多…'}</Text>
        </View>
      )}
    </View>
  )
}
