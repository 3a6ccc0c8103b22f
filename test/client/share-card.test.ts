import { shareCard } from '@/hooks/useShareCard'
import { flashDetailUrl, PAGES } from '@/routes'

describe('a share card', () => {
  it('opens the same page with its own query and credits the sharer', () => {
    expect(shareCard('手账本限量秒杀', flashDetailUrl('fs_1'), 'o_alice')).toEqual({
      title: '手账本限量秒杀',
      path: '/packages/flash/pages/detail?id=fs_1&sharer=o_alice',
    })
  })

  it('leaves the sharer out before the member is known', () => {
    expect(shareCard('群友好物', PAGES.home, '').path).toBe('/pages/home/index')
  })
})
