/** Page paths, in one place so pages and share cards agree. */
import type { OrderStatus } from '@core/order/status'

export const PAGES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  productList: '/packages/product/pages/list',
  productDetail: '/packages/product/pages/detail',
  orderDetail: '/packages/order/pages/detail',
  orderList: '/packages/order/pages/list',
  flashList: '/packages/flash/pages/list',
  flashDetail: '/packages/flash/pages/detail',
} as const

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  if (pairs.length === 0) return path
  return `${path}${path.includes('?') ? '&' : '?'}${pairs.join('&')}`
}

export const productDetailUrl = (productId: string) => withQuery(PAGES.productDetail, { id: productId })
export const orderDetailUrl = (orderId: string) => withQuery(PAGES.orderDetail, { id: orderId })
export const orderListUrl = (status?: OrderStatus) => withQuery(PAGES.orderList, { status })
export const flashDetailUrl = (saleId: string) => withQuery(PAGES.flashDetail, { id: saleId })
