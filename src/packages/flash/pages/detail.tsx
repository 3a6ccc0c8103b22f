import { useCallback, useState } from 'react'
import { Button, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { FlashSaleDetail } from '@core/contract'
import { tierList } from '@core/flashSale'
import { clampQty } from '@/components/buy-sheet/utils'
import { Countdown } from '@/components/countdown'
import { Empty } from '@/components/empty'
import { saleCountdown } from '@/components/flash-card/utils'
import { Loading } from '@/components/loading'
import { Price } from '@/components/price'
import { StockBar } from '@/components/stock-bar'
import { useGroupsChanged } from '@/hooks/useGroupsChanged'
import { usePlaceOrder } from '@/hooks/usePlaceOrder'
import { useReloadWhenDue } from '@/hooks/useReloadWhenDue'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { useShareCard } from '@/hooks/useShareCard'
import { flashDetailUrl, PAGES } from '@/routes'
import { withServerClock } from '@/services/clock'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { formatStart } from '@/utils/format'
import { showError } from '@/utils/toast'
import { flashButtonView, flashMaxQty, remindView } from '../button'
import { remindMe } from '../remind'
import './detail.css'

export default function FlashDetail() {
  const saleId = useRouter().params.id ?? ''
  const clockOffsetMs = useSession((s) => s.clockOffsetMs)
  const [sale, setSale] = useState<FlashSaleDetail | null>(null)
  const [answeredAt, setAnsweredAt] = useState(0)
  const [templateId, setTemplateId] = useState('')
  const [missing, setMissing] = useState(false)
  const [reminding, setReminding] = useState(false)
  const [qty, setQty] = useState(1)

  const load = useCallback(async () => {
    const result = await withServerClock(() => call('flash', 'detail', { saleId }))
    if (!result.ok) {
      if (result.code === 'NOT_FOUND' || result.code === 'INVALID_INPUT') setMissing(true)
      else showError(result)
      return
    }
    setSale(result.data.sale)
    setAnsweredAt(result.data.serverNow)
    setTemplateId(result.data.reminderTemplateId)
  }, [saleId])

  // On show, not just on load: back from the order page, what is left and what I hold changed.
  useRefreshOnShow(load)
  useGroupsChanged(() => void load())
  const reloadWhenDue = useReloadWhenDue(load)
  const { placing: buying, place } = usePlaceOrder(load)
  useShareCard(sale ? `限量秒杀 · ${sale.title}` : '群友限量秒杀', flashDetailUrl(saleId))

  const buy = async () => {
    if (sale) await place({ productId: sale.productId, qty: clampQty(qty, flashMaxQty(sale)), saleId })
  }

  const remind = async () => {
    if (reminding || !sale) return
    setReminding(true)
    const result = await remindMe(sale._id, templateId)
    setReminding(false)
    if (!result.ok) {
      showError(result)
      return
    }
    setSale({ ...sale, reminded: true })
    void Taro.showToast({ title: '已设提醒，开抢前 5 分钟通知你', icon: 'none' })
  }

  if (missing) {
    return (
      <View className='page'>
        <Empty text='秒杀活动不存在或已下架' actionText='看看其他秒杀' onAction={() => void Taro.redirectTo({ url: PAGES.flashList })} />
      </View>
    )
  }
  if (!sale) return <Loading />

  const images = sale.images.length > 0 ? sale.images : [sale.cover]
  const countdown = saleCountdown(sale)
  const button = flashButtonView(sale, buying)
  const reminder = remindView(sale)
  const maxQty = flashMaxQty(sale)

  return (
    <View className='flash-detail'>
      <Swiper className='flash-detail__swiper' indicatorDots={images.length > 1} indicatorActiveColor='#E2553A'>
        {images.map((src) => (
          <SwiperItem key={src}>
            <Image className='flash-detail__image' src={src} mode='aspectFill' />
          </SwiperItem>
        ))}
      </Swiper>

      <View className={`flash-detail__band flash-detail__band--${sale.state}`}>
        <View className='flash-detail__band-prices'>
          <Text className='flash-detail__band-label'>限量秒杀</Text>
          <Price fen={sale.flashPriceFen} size='lg' className='flash-detail__flash-price' />
          <Price fen={sale.listPriceFen} strike className='flash-detail__list-price' />
        </View>
        <View className='flash-detail__band-clock'>
          {countdown ? (
            <>
              <Text className='flash-detail__clock-label'>
                {sale.state === 'upcoming' ? `${formatStart(sale.startAt, answeredAt)} 开抢` : countdown.label}
              </Text>
              <View className='flash-detail__clock'>
                {sale.state === 'upcoming' ? <Text>{countdown.label} </Text> : null}
                {/* Keyed by the answer: a reload that still says "not yet" starts the countdown afresh. */}
                <Countdown key={answeredAt} targetAt={countdown.targetAt} clockOffsetMs={clockOffsetMs} onEnd={reloadWhenDue} />
              </View>
            </>
          ) : (
            <Text className='flash-detail__clock-label'>活动已结束</Text>
          )}
        </View>
      </View>

      <View className='flash-detail__main card'>
        <Text className='flash-detail__title'>{sale.title}</Text>
        {sale.subtitle ? <Text className='flash-detail__subtitle'>{sale.subtitle}</Text> : null}
        <View className='flash-detail__bar'>
          <StockBar sale={sale} />
        </View>
        <View className='flash-detail__facts'>
          <Text>限量 {sale.quantity} 件</Text>
          <Text>每人限购 {sale.perMemberLimit} 件</Text>
          <Text>{sale.tiers.length > 0 ? `仅限${tierList(sale.tiers)}` : '所有群友可抢'}</Text>
        </View>
        {button.canBuy && maxQty > 1 ? (
          <View className='flash-detail__qty'>
            <Text>购买数量</Text>
            <View className='stepper'>
              <Text className={`stepper__btn ${qty <= 1 ? 'stepper__btn--off' : ''}`} aria-label='减少' onClick={() => setQty(clampQty(qty - 1, maxQty))}>
                −
              </Text>
              <Text className='stepper__value'>{clampQty(qty, maxQty)}</Text>
              <Text className={`stepper__btn ${qty >= maxQty ? 'stepper__btn--off' : ''}`} aria-label='增加' onClick={() => setQty(clampQty(qty + 1, maxQty))}>
                +
              </Text>
            </View>
          </View>
        ) : null}
        <Text className={`flash-detail__note ${sale.button === 'notEligible' ? 'flash-detail__note--warn' : ''}`}>{button.note}</Text>
      </View>

      <View className='flash-detail__text card'>
        <Text className='flash-detail__text-title'>商品详情</Text>
        <Text className='flash-detail__text-body'>{sale.detail || '暂无详情'}</Text>
      </View>

      <View className='bottom-bar flash-detail__actions'>
        <View className='flash-detail__home' onClick={() => void Taro.switchTab({ url: PAGES.home })}>
          <Text>首页</Text>
        </View>
        {reminder ? (
          <Button
            className={`btn btn--ghost flash-detail__remind ${reminder.enabled ? '' : 'flash-detail__remind--done'}`}
            disabled={!reminder.enabled || reminding || undefined}
            onClick={() => void remind()}
          >
            {reminder.text}
          </Button>
        ) : null}
        <Button
          className={`btn ${button.canBuy ? 'btn--primary' : 'btn--disabled'} flash-detail__buy`}
          // Taro h5 renders disabled={false} as disabled="false", which its CSS greys out.
          disabled={!button.canBuy || undefined}
          onClick={() => void buy()}
        >
          {button.text}
        </Button>
      </View>
    </View>
  )
}
