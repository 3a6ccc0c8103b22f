/**
 * Real Chromium against `npm run dev`, the shop side of membership, price days and flash sales:
 * a member opens the shop "from" a group chat (the dev switcher's 从群打开) and sees the member
 * price on a price day while a non-member sees the list price and why; a member waits for a
 * flash sale's countdown, buys and pays; a second member then sees it sold out.
 * Operators' config goes in through the admin function over HTTP, as the console sends it.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { cnDay } from '../../cloudfunctions/core/time'
import { ADMIN_PASSWORD, ARTIFACTS, onScreen, withDevShop } from './server'

jest.setTimeout(300_000)

const GROUP = 'G-demo-core'
const GROUP_NAME = '咖啡核心群'

const env = withDevShop()
let token = ''

beforeAll(async () => {
  const login = await env.server.call('admin', { action: 'login', username: 'admin', password: ADMIN_PASSWORD })
  expect(login).toMatchObject({ ok: true })
  token = login.data.token
})

async function upsert(kind: string, doc: object): Promise<any> {
  const answer = await env.server.call('admin', { action: 'upsert', token, kind, doc })
  expect(answer).toMatchObject({ ok: true })
  return answer.data
}

/** On-screen text, matched whole (the shop repeats labels inside longer lines). */
const shown = (page: Page, text: string) => onScreen(page, text, { exact: true })

/** A phone-sized page acting as the demo member `nickname` (the dev switcher on 我的). */
async function phoneAs(nickname: string): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
  const page = await context.newPage()
  await page.goto(`${env.server.url}/pages/me/index`)
  await page.locator('.me__dev-user').filter({ hasText: nickname }).first().click()
  await page.locator('.me__dev-user--on').filter({ hasText: nickname }).waitFor()
  return page
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(400) // Taro's page transition
  await page.screenshot({ path: join(ARTIFACTS, name) })
}

describe('member prices for the members of a group', () => {
  it('shows a member opened from the group the member price, and a non-member the list price and why', async () => {
    await upsert('priceDays', {
      title: '群友咖啡日',
      rule: { kind: 'date', day: cnDay(Date.now()) },
      items: [{ productId: 'p-coffee-beans', memberPriceFen: 4900, limitPerMember: 2 }],
      tiers: ['core'],
      status: 'active',
    })

    // 小爱 opens the shop from the core group's card.
    const member = await phoneAs('小爱')
    await member.locator('.me__dev-group').filter({ hasText: GROUP_NAME }).click()
    await shown(member, `已加入「${GROUP_NAME}」，群友权益已开启`).waitFor()
    await member.locator('.member-groups__group').filter({ hasText: GROUP_NAME }).filter({ hasText: '加入' }).waitFor()
    await shot(member, 'shop-member-groups.png')

    await member.goto(`${env.server.url}/packages/product/pages/detail?id=p-coffee-beans`)
    const memberPrice = member.locator('.product-detail__main .offer-price').filter({ visible: true })
    await memberPrice.locator('.offer-price__tag', { hasText: '群友价' }).waitFor()
    expect(await memberPrice.locator('.offer-price__row .price--lg').textContent()).toBe('¥49.00')
    expect(await memberPrice.locator('.offer-price__row .price--strike').textContent()).toBe('¥68.00')
    await shown(member, '今天你享群友价，每人每天限购 2 件').waitFor()
    await shot(member, 'shop-price-day-member.png')

    // ...and buys one at that price: the server prices the order and records where it came from.
    await shown(member, '立即购买').click()
    await member.getByText('立即购买').filter({ visible: true }).last().click()
    await shown(member, '去支付').click()
    await shown(member, '确认支付').click()
    await shown(member, '已支付').waitFor()
    const bought = (await env.server.call('order', { action: 'list', status: 'paid' }, 'demo-alice')).data.items
    expect(bought).toHaveLength(1)
    expect(bought[0]).toMatchObject({ productId: 'p-coffee-beans', priceSource: 'priceDay', unitPriceFen: 4900, totalFen: 4900 })

    // 卡罗 belongs to no group: the list price, the member price greyed, and how to join.
    const outsider = await phoneAs('卡罗')
    await outsider.locator('.member-groups').filter({ hasText: '还不是群友' }).filter({ hasText: '从品牌群聊里的小程序卡片打开即可成为群友' }).waitFor()
    // Cards that do not make anyone a member say why.
    for (const [choice, toast] of [
      ['过期的群卡片', '群信息已过期，请从群聊重新打开小程序'],
      ['伪造的群信息', '群信息校验未通过，请从群聊重新打开小程序'],
      ['一个新群', '这个群还没有开通群友权益，请联系群主或运营'],
    ]) {
      await outsider.locator('.me__dev-group').filter({ hasText: choice }).click()
      await shown(outsider, toast).waitFor()
    }
    await outsider.locator('.member-groups').filter({ hasText: '还不是群友' }).waitFor()
    await outsider.goto(`${env.server.url}/`)
    await outsider.locator('.member-groups').filter({ hasText: '群友权益' }).filter({ visible: true }).waitFor()
    await shot(outsider, 'shop-home-outsider.png')
    await outsider.goto(`${env.server.url}/packages/product/pages/detail?id=p-coffee-beans`)
    const listPrice = outsider.locator('.product-detail__main .offer-price').filter({ visible: true })
    await listPrice.locator('.offer-price__locked').waitFor()
    expect(await listPrice.locator('.offer-price__row .price--lg').textContent()).toBe('¥68.00')
    expect(await listPrice.locator('.offer-price__tag').count()).toBe(0)
    expect(await listPrice.locator('.offer-price__locked .price').textContent()).toBe('¥49.00')
    await shown(outsider, '仅限群友：从品牌群聊打开小程序即可享群友价，你看到的是原价').waitFor()
    await shot(outsider, 'shop-price-day-outsider.png')

    // The server agrees on what each would pay.
    const priced = async (openid: string) => (await env.server.call('shop', { action: 'product', productId: 'p-coffee-beans' }, openid)).data.priceFen
    expect(await priced('demo-alice')).toBe(4900)
    expect(await priced('demo-carol')).toBe(6800)
    await member.context().close()
    await outsider.context().close()
  })
})

describe('a flash sale', () => {
  it('lets a member wait for the countdown, buy and pay; the next member sees it sold out', async () => {
    // Both buyers are members of a registered group (the sale is open to any group's members).
    for (const openid of ['demo-alice', 'demo-bob']) {
      expect(await env.server.call('member', { action: 'bindGroup', group: `dev:${GROUP}` }, openid)).toMatchObject({ ok: true })
    }
    const first = await phoneAs('小爱')
    const second = await phoneAs('阿宝')

    const startAt = Date.now() + 12_000
    const sale = await upsert('flashSales', {
      productId: 'p-notebook',
      title: '手账本限量秒杀',
      flashPriceFen: 1900,
      quantity: 1,
      perMemberLimit: 1,
      tiers: [],
      startAt,
      endAt: startAt + 10 * 60_000,
    })

    // Before the start: the countdown, 未开始 and 提醒我.
    await first.goto(`${env.server.url}/packages/flash/pages/detail?id=${sale._id}`)
    await first.locator('.flash-detail__buy', { hasText: '未开始' }).filter({ visible: true }).waitFor()
    await shown(first, '距开始').waitFor()
    await first.locator('.flash-detail__remind', { hasText: '提醒我' }).filter({ visible: true }).click()
    await first.locator('.flash-detail__remind', { hasText: '已设提醒' }).filter({ visible: true }).waitFor()
    await shot(first, 'shop-flash-countdown.png')

    // The countdown ends and the server says go: no reload by hand.
    const buy = first.locator('.flash-detail__buy', { hasText: '立即抢购' }).filter({ visible: true })
    await buy.waitFor({ timeout: 30_000 })
    expect(Date.now()).toBeGreaterThanOrEqual(startAt)
    await buy.click()
    await shown(first, '去支付').click()
    await shown(first, '确认支付').click()
    await shown(first, '已支付').waitFor()
    await shot(first, 'shop-flash-paid.png')

    const orders = await env.server.call('order', { action: 'list' }, 'demo-alice')
    const paid = orders.data.items.filter((o: { saleId?: string; status: string }) => o.saleId === sale._id && o.status === 'paid')
    expect(paid).toHaveLength(1)
    expect(paid[0].totalFen).toBe(1900)

    // The second member finds it sold out.
    await second.goto(`${env.server.url}/packages/flash/pages/detail?id=${sale._id}`)
    await second.locator('.flash-detail__buy', { hasText: '已抢光' }).filter({ visible: true }).waitFor()
    // Taro's h5 <Button> is a custom element: disabled is an attribute, not a form control's state.
    expect(await second.locator('.flash-detail__buy').filter({ visible: true }).getAttribute('disabled')).not.toBeNull()
    await shown(second, '已被抢光，未支付的订单超时后会放回名额').waitFor()
    await shot(second, 'shop-flash-sold-out.png')

    // The flash list and home show the sale too.
    await second.goto(`${env.server.url}/packages/flash/pages/list`)
    await second.locator('.flash-card').filter({ hasText: '手账本限量秒杀' }).filter({ hasText: '已抢光' }).filter({ visible: true }).first().waitFor({ timeout: 15_000 })
    await shot(second, 'shop-flash-list.png')
    await second.goto(`${env.server.url}/`)
    await second.locator('.flash-card').filter({ hasText: '手账本限量秒杀' }).filter({ visible: true }).first().waitFor({ timeout: 15_000 })
    await shot(second, 'shop-home-flash.png')
    await first.context().close()
    await second.context().close()
  })
})
