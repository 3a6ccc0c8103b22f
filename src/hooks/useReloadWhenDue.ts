/**
 * Reloads when a countdown reaches zero, at most once per `minGapMs`. Only the server says a sale
 * has started: when its answer is still "not yet" (the measured clock offset is off by part of a
 * round trip), the countdown ends again at once and the next reload follows a moment later.
 */
import { useCallback, useEffect, useRef } from 'react'

export function useReloadWhenDue(load: () => unknown, minGapMs = 1000): () => void {
  const lastAt = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  return useCallback(() => {
    if (timer.current) return
    const wait = Math.max(0, lastAt.current + minGapMs - Date.now())
    timer.current = setTimeout(() => {
      timer.current = null
      lastAt.current = Date.now()
      void loadRef.current()
    }, wait)
  }, [minGapMs])
}
