/** Calls `load` now and every `everyMs` while mounted; a slow answer never overwrites a newer one. */
import { useEffect, useRef, useState } from 'react'
import { messageOf } from './client'

export function usePolling<T>(load: () => Promise<T>, everyMs: number, key: string) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const loadRef = useRef(load)
  loadRef.current = load
  const [nudges, setNudges] = useState(0)

  useEffect(() => {
    let latest = 0
    let alive = true
    const tick = () => {
      const ticket = ++latest
      loadRef.current().then(
        (value) => {
          if (alive && ticket === latest) {
            setData(value)
            setError(null)
          }
        },
        (e: unknown) => alive && ticket === latest && setError(messageOf(e, '加载失败')),
      )
    }
    tick()
    const timer = window.setInterval(tick, everyMs)
    return () => {
      alive = false
      window.clearInterval(timer)
    }
  }, [everyMs, key, nudges])

  return { data, error, refresh: () => setNudges((n) => n + 1) }
}
