import { useCallback, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { OrderView } from '@core/contract'
import type { Result } from '@core/errors'
import { ORDER_STATUS_TEXT, type OrderStatus } from '@core/order/status'
import { Countdown } from '@/components/countdown'
import { Empty } from '@/components/empty'
import { Loading } from '@/components/loading'
import { PaySheet } from '@/components/pay-sheet'
import { Price } from '@/components/price'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { useShareCard } from '@/hooks/useShareCard'
import { PAGES, productDetailUrl } from '@/routes'
import { call } from '@/services/cloud'
import { payOrder } from '@/services/pay'
import { useSession } from '@/stores/session'
import { formatDateTime } from '@/utils/format'
import { showError } from '@/utils/toast'
import './detail.css'

/** What the discount on an order is called, by where its price came from. */
const DISCOUNT_LABEL: Record<OrderView['priceSource'], string> = {
  list: '优惠',
  priceDay: '群友价优惠',
  flash: '秒杀优惠',
}

const STATUS_HINT: Record<OrderStatus, string> = {
  pending: '请在倒计时结束前完成支付，超时订单将自动关闭',
  paid: '支付成功，我们会尽快为你安排发货',
  cancelled: '订单已取消，库存已退回',
  expired: '订单超时未支付，已自动关闭',
  refunded: '款项已原路退回',
}

export default function OrderDetail() {
  const orderId = useRouter().params.id ?? ''
  const clockOffsetMs = useSession((s) => s.clockOffsetMs)
  const [order, setOrder] = useState<OrderView | null>(null)
  const [missing, setMissing] = useState(false)
  const [busy, setBusy] = useState(false)
  // The countdown reached zero: the server will expire the order; stop offering to pay it.
  const [timeUp, setTimeUp] = useState(false)

  const load = useCallback(async () => {
    const result = await call('order', 'detail', { orderId })
    if (!result.ok) {
      // A missing page says so itself; other failures get a toast.
      if (result.code === 'NOT_FOUND' || result.code === 'INVALID_INPUT') setMissing(true)
      else showError(result)
      return
    }
    setOrder(result.data)
  }, [orderId])

  useRefreshOnShow(load)
  // A shared order card leads to the product (an order is private to its buyer).
  useShareCard(order ? order.title : '群友好物', order ? productDetailUrl(order.productId) : PAGES.home)

  /** Runs an action on the order (busy meanwhile): the order as it answers, or null (refused: told, and read again). */
  const runAction = async (run: () => Promise<Result<OrderView>>): Promise<OrderView | null> => {
    setBusy(true)
    const result = await run()
    setBusy(false)
    if (!result.ok) {
      showError(result)
      void load()
      return null
    }
    setOrder(result.data)
    return result.data
  }

  const pay = async () => {
    if (busy || !order) return
    const paid = await runAction(() => payOrder(order._id))
    if (paid?.status === 'paid') void Taro.showToast({ title: '支付成功', icon: 'success' })
  }

  const cancel = async () => {
    if (busy || !order) return
    const { confirm } = await Taro.showModal({ title: '取消订单', content: '确定要取消这个订单吗？', confirmText: '确定取消', cancelText: '再想想' })
    if (confirm) await runAction(() => call('order', 'cancel', { orderId: order._id }))
  }

  if (missing) {
    return (
      <View className='page'>
        <Empty text='订单不存在' actionText='查看我的订单' onAction={() => void Taro.redirectTo({ url: PAGES.orderList })} />
      </View>
    )
  }
  if (!order) return <Loading />

  const pending = order.status === 'pending'
  const payable = pending && !timeUp

  return (
    <View className='order-detail'>
      <View className={`order-detail__banner order-detail__banner--${order.status}`}>
        <Text className='order-detail__status'>{ORDER_STATUS_TEXT[order.status]}</Text>
        {pending ? (
          <View className='order-detail__countdown'>
            <Text>剩余支付时间 </Text>
            <Countdown
              targetAt={order.expireAt}
              clockOffsetMs={clockOffsetMs}
              onEnd={() => {
                setTimeUp(true)
                void load()
              }}
            />
          </View>
        ) : null}
        <Text className='order-detail__hint'>{pending && timeUp ? '支付已超时，订单即将关闭' : STATUS_HINT[order.status]}</Text>
      </View>

      <View className='order-detail__goods card' onClick={() => void Taro.navigateTo({ url: productDetailUrl(order.productId) })}>
        <Image className='order-detail__image' src={order.image} mode='aspectFill' />
        <View className='order-detail__goods-info'>
          <Text className='order-detail__title'>{order.title}</Text>
          <View className='order-detail__unit'>
            <Price fen={order.unitPriceFen} size='sm' />
            <Text className='muted'> x{order.qty}</Text>
          </View>
        </View>
      </View>

      <View className='order-detail__rows card'>
        <View className='order-detail__row'>
          <Text className='muted'>商品金额</Text>
          <Price fen={order.listPriceFen * order.qty} size='sm' className='order-detail__plain' />
        </View>
        {order.listPriceFen * order.qty > order.totalFen ? (
          <View className='order-detail__row'>
            <Text className='muted'>{DISCOUNT_LABEL[order.priceSource]}</Text>
            <Price fen={order.listPriceFen * order.qty - order.totalFen} size='sm' className='order-detail__plain' />
          </View>
        ) : null}
        <View className='order-detail__row order-detail__row--total'>
          <Text>{order.status === 'paid' || order.status === 'refunded' ? '实付款' : '应付款'}</Text>
          <Price fen={order.totalFen} size='md' />
        </View>
      </View>

      <View className='order-detail__rows card'>
        <View className='order-detail__row'>
          <Text className='muted'>订单编号</Text>
          <Text className='order-detail__id'>{order._id}</Text>
        </View>
        <View className='order-detail__row'>
          <Text className='muted'>下单时间</Text>
          <Text>{formatDateTime(order.createdAt)}</Text>
        </View>
        {order.paidAt ? (
          <View className='order-detail__row'>
            <Text className='muted'>支付时间</Text>
            <Text>{formatDateTime(order.paidAt)}</Text>
          </View>
        ) : null}
        {order.refundReason ? (
          <View className='order-detail__row'>
            <Text className='muted'>退款原因</Text>
            <Text>{order.refundReason}</Text>
          </View>
        ) : null}
      </View>

      <View className='order-detail__links'>
        <Text className='order-detail__link' onClick={() => void Taro.navigateTo({ url: PAGES.orderList })}>
          我的订单
        </Text>
      </View>

      {payable ? (
        <View className='bottom-bar order-detail__bar'>
          <Button className='btn btn--ghost order-detail__cancel' disabled={busy || undefined} onClick={() => void cancel()}>
            取消订单
          </Button>
          <Button className='btn btn--primary order-detail__pay' disabled={busy || undefined} onClick={() => void pay()}>
            {busy ? '处理中…' : '去支付'}
          </Button>
        </View>
      ) : null}

      {process.env.TARO_ENV === 'h5' ? <PaySheet /> : null}
    </View>
  )
}
