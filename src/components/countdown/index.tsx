/**
 * Counts down to a server-time instant. The phone's clock may be wrong, so the remaining time
 * is `targetAt - (Date.now() + clockOffsetMs)`, with the offset measured against the server.
 */
import { useEffect, useRef, useState } from 'react'
import { Text } from '@tarojs/components'
import { formatTimeData, parseTimeData, remainingMs } from './utils'

export interface CountdownProps {
  /** Epoch ms, server time. */
  targetAt: number
  clockOffsetMs: number
  onEnd?: () => void
  className?: string
}

export function Countdown({ targetAt, clockOffsetMs, onEnd, className = '' }: CountdownProps) {
  const [left, setLeft] = useState(() => remainingMs(targetAt, clockOffsetMs, Date.now()))
  const onEndRef = useRef(onEnd)
  onEndRef.current = onEnd

  useEffect(() => {
    const tick = () => {
      const ms = remainingMs(targetAt, clockOffsetMs, Date.now())
      setLeft(ms)
      if (ms === 0) {
        clearInterval(timer)
        onEndRef.current?.()
      }
    }
    const timer = setInterval(tick, 1000)
    tick()
    return () => clearInterval(timer)
  }, [targetAt, clockOffsetMs])

  return <Text className={`countdown ${className}`}>{formatTimeData(parseTimeData(left))}</Text>
}

export default Countdown
