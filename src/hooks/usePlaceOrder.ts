/**
 * Placing an order (order.create) from a page. One request id per intent (what and how many),
 * kept across retries of the same tap, so a retry after a lost answer gets the first order. On
 * success the order page opens; on a definite refusal (sold out, limit reached, the sale just
 * changed) the toast says why, the next tap is a new intent, and the page reloads what it shows.
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { orderDetailUrl } from '@/routes'
import { newServerTimedRequestId } from '@/services/clock'
import { call } from '@/services/cloud'
import { createRequestIds, isRetryable } from '@/utils/requestId'
import { showError } from '@/utils/toast'

export interface OrderIntent {
  productId: string
  qty: number
  /** The flash sale bought in, if any. */
  saleId?: string
}

export function usePlaceOrder(reload: () => Promise<unknown>): { placing: boolean; place(intent: OrderIntent): Promise<boolean> } {
  const [placing, setPlacing] = useState(false)
  const requestIds = useRef(createRequestIds(newServerTimedRequestId)).current

  /** True once the order is placed (and its page opening). */
  const place = async (intent: OrderIntent): Promise<boolean> => {
    if (placing) return false
    setPlacing(true)
    const requestId = requestIds.idFor(`${intent.saleId ?? ''}:${intent.productId}:${intent.qty}`)
    const result = await call('order', 'create', { requestId, ...intent })
    setPlacing(false)
    if (result.ok) {
      requestIds.settle()
      void Taro.navigateTo({ url: orderDetailUrl(result.data._id) })
      return true
    }
    showError(result)
    if (!isRetryable(result.code)) {
      requestIds.settle()
      void reload()
    }
    return false
  }

  return { placing, place }
}
