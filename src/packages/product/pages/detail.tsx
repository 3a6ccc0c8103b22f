import { useCallback, useState } from 'react'
import { Button, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import type { ProductView } from '@core/contract'
import { BuySheet } from '@/components/buy-sheet'
import { Empty } from '@/components/empty'
import { Countdown } from '@/components/countdown'
import { Loading } from '@/components/loading'
import { OfferPrice } from '@/components/offer-price'
import { useGroupsChanged } from '@/hooks/useGroupsChanged'
import { usePlaceOrder } from '@/hooks/usePlaceOrder'
import { useReloadWhenDue } from '@/hooks/useReloadWhenDue'
import { useShareCard } from '@/hooks/useShareCard'
import { PAGES, productDetailUrl } from '@/routes'
import { ensureServerClock } from '@/services/clock'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { showError } from '@/utils/toast'
import './detail.css'

export default function ProductDetail() {
  const productId = useRouter().params.id ?? ''
  const clockOffsetMs = useSession((s) => s.clockOffsetMs)
  const [product, setProduct] = useState<ProductView | null>(null)
  const [missing, setMissing] = useState(false)
  const [sheetOpen, setSheetOpen] = useState(false)

  const load = useCallback(async () => {
    const result = await call('shop', 'product', { productId })
    if (!result.ok) {
      // A missing page says so itself; other failures get a toast.
      if (result.code === 'NOT_FOUND' || result.code === 'INVALID_INPUT') setMissing(true)
      else showError(result)
      return
    }
    setProduct(result.data)
  }, [productId])

  useLoad(() => {
    // Opened straight from a share card, the clock offset may not be measured yet.
    void ensureServerClock()
    void load()
  })
  // Opened from a group card: the binding lands after the first load and may change the price.
  useGroupsChanged(() => void load())
  const reloadWhenDue = useReloadWhenDue(load)
  const { placing: buying, place } = usePlaceOrder(load)
  useShareCard(product ? product.title : '群友好物', productDetailUrl(productId))

  const buy = async (qty: number) => {
    if (await place({ productId, qty })) setSheetOpen(false)
  }

  if (missing) {
    return (
      <View className='page'>
        <Empty text='商品不存在或已下架' actionText='去首页逛逛' onAction={() => void Taro.switchTab({ url: PAGES.home })} />
      </View>
    )
  }
  if (!product) return <Loading />

  const offer = product.priceDay
  const images = product.images.length > 0 ? product.images : [product.cover]

  return (
    <View className='product-detail'>
      <Swiper className='product-detail__swiper' indicatorDots={images.length > 1} indicatorActiveColor='#E2553A' circular={images.length > 2}>
        {images.map((src) => (
          <SwiperItem key={src}>
            <Image className='product-detail__image' src={src} mode='aspectFill' />
          </SwiperItem>
        ))}
      </Swiper>

      <View className='product-detail__main card'>
        <OfferPrice product={product} size='lg' />
        <Text className='product-detail__title'>{product.title}</Text>
        {product.subtitle ? <Text className='product-detail__subtitle'>{product.subtitle}</Text> : null}
        <View className='product-detail__stats'>
          <Text>{product.soldOut ? '已售罄' : `库存 ${product.stock} 件`}</Text>
          <Text>已售 {product.sold}</Text>
        </View>
      </View>

      {offer ? (
        <View className={`product-detail__day card ${offer.eligible ? '' : 'product-detail__day--off'}`}>
          <View className='product-detail__day-head'>
            <Text className='product-detail__day-badge'>群友价日</Text>
            <Text className='product-detail__day-title'>{offer.title}</Text>
            <Text className='product-detail__day-clock'>距结束 </Text>
            <Countdown targetAt={offer.endAt} clockOffsetMs={clockOffsetMs} onEnd={reloadWhenDue} className='product-detail__day-countdown' />
          </View>
          <Text className='product-detail__day-note'>
            {offer.eligible
              ? `今天你享群友价，每人每天限购 ${offer.limitPerMember} 件`
              : `${offer.reason ?? '你暂不符合本场群友价条件'}，你看到的是原价`}
          </Text>
        </View>
      ) : null}

      <View className='product-detail__text card'>
        <Text className='product-detail__text-title'>商品详情</Text>
        <Text className='product-detail__text-body'>{product.detail || '暂无详情'}</Text>
      </View>

      {/* Only one 立即购买 on screen at a time: the bar's opens the sheet, the sheet's orders. */}
      {sheetOpen ? null : (
        <View className='bottom-bar product-detail__bar'>
          <View className='product-detail__bar-home' onClick={() => void Taro.switchTab({ url: PAGES.home })}>
            <Text>首页</Text>
          </View>
          <Button
            className={`btn ${product.soldOut ? 'btn--disabled' : 'btn--primary'} product-detail__buy`}
            disabled={product.soldOut || undefined}
            onClick={() => setSheetOpen(true)}
          >
            {product.soldOut ? '已售罄' : '立即购买'}
          </Button>
        </View>
      )}

      <BuySheet
        open={sheetOpen}
        product={product}
        busy={buying}
        limit={offer?.eligible ? offer.limitPerMember : undefined}
        onClose={() => setSheetOpen(false)}
        onConfirm={(qty) => void buy(qty)}
      />
    </View>
  )
}
