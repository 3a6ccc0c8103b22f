/** Loads something once (and again on `reload`), ignoring answers that arrive after a newer load. */
import { useCallback, useEffect, useState } from 'react'
import { messageOf } from './client'

export interface Loaded<T> {
  data: T | null
  loading: boolean
  error: string | null
  reload(): void
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; loading: boolean; error: string | null }>({ data: null, loading: true, error: null })
  const [reloads, setReloads] = useState(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)

  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true, error: null }))
    run().then(
      (data) => current && setState({ data, loading: false, error: null }),
      (error: unknown) => current && setState((s) => ({ ...s, loading: false, error: messageOf(error, '加载失败') })),
    )
    return () => {
      current = false
    }
  }, [run, reloads])

  return { ...state, reload: useCallback(() => setReloads((n) => n + 1), []) }
}
