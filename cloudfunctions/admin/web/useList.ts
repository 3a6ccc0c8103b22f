/** A server-paged list of one kind for an antd Table: reloads when filters or page change. */
import type { TablePaginationConfig } from 'antd'
import { useEffect, useState } from 'react'
import type { ListFilters, ListItems, ListKind } from '../api'
import { AdminError, listOf } from './client'

interface ListState<T> {
  items: T[]
  total: number
  loading: boolean
  error: string | null
}

export function useList<K extends ListKind>(kind: K, filters: ListFilters[K], pageSize = 20) {
  const key = JSON.stringify(filters)
  // New filters start again from page 1 without an extra render-and-fetch round.
  const [paging, setPaging] = useState({ key, page: 1 })
  const page = paging.key === key ? paging.page : 1
  const [reloads, setReloads] = useState(0)
  const [state, setState] = useState<ListState<ListItems[K]>>({ items: [], total: 0, loading: true, error: null })

  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true, error: null }))
    const parsed = JSON.parse(key) as ListFilters[K]
    listOf(kind, { ...parsed, skip: (page - 1) * pageSize, limit: pageSize }).then(
      ({ items, total }) => current && setState({ items, total, loading: false, error: null }),
      (error: unknown) =>
        current &&
        setState((s) => ({ ...s, loading: false, error: error instanceof AdminError ? error.message : '加载失败' })),
    )
    // A slower earlier answer must not overwrite a newer one.
    return () => {
      current = false
    }
  }, [kind, key, page, pageSize, reloads])

  const setPage = (next: number) => setPaging({ key, page: next })
  return {
    ...state,
    page,
    pageSize,
    setPage,
    reload: () => setReloads((n) => n + 1),
    /** The Table's pager for this list, counting `共 N <unit>`. */
    pager: (unit: string): TablePaginationConfig => ({
      current: page,
      pageSize,
      total: state.total,
      showSizeChanger: false,
      showTotal: (total) => `共 ${total} ${unit}`,
      onChange: setPage,
    }),
  }
}
