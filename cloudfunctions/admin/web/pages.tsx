/** The console's sections, in menu order. Issue 3 adds groups, price days, audit, ... here. */
import type { ReactElement } from 'react'
import { Orders } from './pages/Orders'
import { Products } from './pages/Products'

export interface Section {
  /** Also the URL hash: `#/products`. */
  key: string
  label: string
  render(): ReactElement
}

export const sections: readonly Section[] = [
  { key: 'products', label: '商品', render: () => <Products /> },
  { key: 'orders', label: '订单', render: () => <Orders /> },
]
