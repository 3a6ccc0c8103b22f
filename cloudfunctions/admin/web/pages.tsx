/** The console's sections, in menu order; the key is also the URL hash (`#/priceDays`). */
import type { ReactElement } from 'react'
import { Audit } from './pages/Audit'
import { FlashSales } from './pages/FlashSales'
import { Groups } from './pages/Groups'
import { Orders } from './pages/Orders'
import { Outbox } from './pages/Outbox'
import { Overview } from './pages/Overview'
import { PriceDays } from './pages/PriceDays'
import { Products } from './pages/Products'

export interface Section {
  /** Also the URL hash: `#/products`. */
  key: string
  label: string
  render(): ReactElement
}

export const sections: readonly Section[] = [
  { key: 'overview', label: '数据概览', render: () => <Overview /> },
  { key: 'products', label: '商品', render: () => <Products /> },
  { key: 'groups', label: '群管理', render: () => <Groups /> },
  { key: 'priceDays', label: '群友价日', render: () => <PriceDays /> },
  { key: 'flashSales', label: '限量秒杀', render: () => <FlashSales /> },
  { key: 'orders', label: '订单', render: () => <Orders /> },
  { key: 'outbox', label: '订阅消息', render: () => <Outbox /> },
  { key: 'audit', label: '审计日志', render: () => <Audit /> },
]
