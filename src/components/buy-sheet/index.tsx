/**
 * The buy-now sheet: quantity within 1..stock, the total, and 立即购买. The price shown is a
 * preview; the server computes the real one.
 */
import { useEffect, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { Price } from '../price'
import { Sheet } from '../sheet'
import { clampQty, maxQty } from './utils'
import './index.css'

export interface BuySheetProduct {
  title: string
  cover: string
  priceFen: number
  stock: number
}

export interface BuySheetProps {
  open: boolean
  product: BuySheetProduct
  busy?: boolean
  /** Most units one member may buy at this price (a price day's limit), if any. */
  limit?: number
  onClose: () => void
  onConfirm: (qty: number) => void
}

export function BuySheet({ open, product, busy = false, limit, onClose, onConfirm }: BuySheetProps) {
  const [qty, setQty] = useState(1)
  const units = limit === undefined ? product.stock : Math.min(product.stock, limit)
  const max = maxQty(units)
  // Stock can drop while the sheet is open (a refresh after SOLD_OUT): keep qty within it.
  useEffect(() => setQty((q) => clampQty(q, units)), [units])

  const change = (delta: number) => setQty((q) => clampQty(q + delta, units))
  const canBuy = max >= 1 && !busy

  return (
    <Sheet open={open} onClose={onClose}>
      <View className='buy-sheet__head'>
        <Image className='buy-sheet__cover' src={product.cover} mode='aspectFill' />
        <View className='buy-sheet__info'>
          <Price fen={product.priceFen} size='lg' />
          <Text className='buy-sheet__stock'>
            库存 {product.stock} 件{limit !== undefined ? ` · 每人限购 ${limit} 件` : ''}
          </Text>
          <Text className='buy-sheet__title'>{product.title}</Text>
        </View>
      </View>
      <View className='buy-sheet__row'>
        <Text>购买数量</Text>
        <View className='stepper'>
          <Text
            className={`stepper__btn ${qty <= 1 ? 'stepper__btn--off' : ''}`}
            aria-label='减少'
            onClick={() => change(-1)}
          >
            −
          </Text>
          <Text className='stepper__value'>{qty}</Text>
          <Text
            className={`stepper__btn ${qty >= max ? 'stepper__btn--off' : ''}`}
            aria-label='增加'
            onClick={() => change(1)}
          >
            +
          </Text>
        </View>
      </View>
      <View className='buy-sheet__row'>
        <Text>合计</Text>
        <Price fen={product.priceFen * qty} size='md' />
      </View>
      <Button
        className={`btn ${canBuy ? 'btn--primary' : 'btn--disabled'} buy-sheet__confirm`}
        // Taro h5 renders disabled={false} as disabled="false", which its CSS greys out.
        disabled={!canBuy || undefined}
        onClick={() => canBuy && onConfirm(qty)}
      >
        {max < 1 ? '已售罄' : busy ? '下单中…' : '立即购买'}
      </Button>
    </Sheet>
  )
}

export default BuySheet
