/** `@tarojs/components` as plain DOM elements, keeping only the props the DOM understands. */
import { createElement, type PropsWithChildren } from 'react'

type Props = PropsWithChildren<{
  className?: string
  onClick?: () => void
  src?: string
  style?: Record<string, string>
  disabled?: boolean
  'aria-label'?: string
  [other: string]: unknown
}>

function host(tag: string) {
  return function Host({ className, onClick, src, style, disabled, children, ...rest }: Props) {
    const dom: Record<string, unknown> = { className, onClick, src, style, disabled, 'aria-label': rest['aria-label'] }
    return createElement(tag, dom, children)
  }
}

export const View = host('div')
export const Text = host('span')
export const Image = host('img')
export const Button = host('button')
export const Swiper = host('div')
export const SwiperItem = host('div')
export const ScrollView = host('div')
