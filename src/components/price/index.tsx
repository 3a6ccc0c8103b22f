/**
 * A price. `fen` is integer fen (价格，单位分); it becomes yuan only here, through `formatFen`.
 */
import { Text } from '@tarojs/components'
import { formatFen } from '@core/money'
import './index.css'

export interface PriceProps {
  /** 价格（单位分） */
  fen: number
  size?: 'sm' | 'md' | 'lg'
  /** A struck-through reference price (list price next to a lower one). */
  strike?: boolean
  className?: string
}

export function Price({ fen, size = 'md', strike = false, className = '' }: PriceProps) {
  const text = formatFen(fen)
  if (strike || fen < 0) {
    return <Text className={`price price--strike ${className}`}>{text}</Text>
  }
  const [whole, cents] = text.slice(1).split('.')
  return (
    <Text className={`price price--${size} ${className}`}>
      <Text className='price__symbol'>¥</Text>
      <Text className='price__whole'>{whole}</Text>
      <Text className='price__cents'>.{cents}</Text>
    </Text>
  )
}

export default Price
