import { Image, Text, View } from '@tarojs/components'
import type { OrderView } from '@core/contract'
import { ORDER_STATUS_TEXT } from '@core/order/status'
import { formatDateTime } from '@/utils/format'
import { Price } from '../price'
import './index.css'

export interface OrderCardProps {
  order: OrderView
  onOpen: (orderId: string) => void
}

/** One order in 我的订单. */
export function OrderCard({ order, onOpen }: OrderCardProps) {
  return (
    <View className='order-card card' onClick={() => onOpen(order._id)}>
      <View className='order-card__head'>
        <Text className='muted'>{formatDateTime(order.createdAt)}</Text>
        <Text className={`order-status order-status--${order.status}`}>{ORDER_STATUS_TEXT[order.status]}</Text>
      </View>
      <View className='order-card__body'>
        <Image className='order-card__image' src={order.image} mode='aspectFill' />
        <View className='order-card__info'>
          <Text className='order-card__title'>{order.title}</Text>
          <Text className='muted order-card__qty'>x{order.qty}</Text>
        </View>
        <View className='order-card__total'>
          <Text className='muted order-card__total-label'>实付</Text>
          <Price fen={order.totalFen} size='sm' />
        </View>
      </View>
    </View>
  )
}

export default OrderCard
