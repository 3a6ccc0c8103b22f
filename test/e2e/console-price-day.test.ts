/**
 * Real Chromium against `npm run dev`: an operator signs in to the console and schedules today
 * as a price day for one product and core groups only. The calendar and the table show it, and
 * the shop agrees: a core-group member is offered the member price, a non-member the list price.
 */
import { join } from 'node:path'
import { cnDay } from '../../cloudfunctions/core/time'
import { ARTIFACTS, pickProduct, signInToConsole, withDevShop } from './server'

jest.setTimeout(240_000)

const PRODUCT = 'p-dripper'
const PRODUCT_TITLE = '玻璃手冲滤杯套装'
const LIST_PRICE_FEN = 12_900
const MEMBER = 'demo-alice'
const OUTSIDER = 'demo-carol'

const env = withDevShop()

it('lets an operator schedule today as a price day, which members see at once', async () => {
  // A member opens the mini program from the seeded core group; another member belongs to none.
  expect(await env.server.call('member', { action: 'bindGroup', group: 'dev:G-demo-core' }, MEMBER)).toMatchObject({ ok: true })
  expect(await env.server.call('member', { action: 'login' }, OUTSIDER)).toMatchObject({ ok: true })
  const before = await env.server.call('shop', { action: 'product', productId: PRODUCT }, MEMBER)
  expect(before.data).toMatchObject({ priceFen: LIST_PRICE_FEN })
  expect(before.data.priceDay).toBeUndefined()

  const page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await signInToConsole(page, env.server)
  await page.getByRole('menuitem', { name: '群友价日' }).click()
  await page.getByRole('button', { name: '新建群友价日' }).click()
  const dialog = page.getByRole('dialog')

  await dialog.getByLabel('标题').fill('今日群友价')
  // The date defaults to today (China time); pick the product and price it.
  await pickProduct(page, PRODUCT_TITLE)
  await dialog.locator('.ant-select-selection-item').filter({ hasText: PRODUCT_TITLE }).waitFor()
  // Nothing typed yet, so nothing is marked missing yet.
  expect(await dialog.getByText('请填写群友价').count()).toBe(0)
  await dialog.getByLabel('群友价（元）').fill('129')
  await dialog.getByRole('button', { name: '保存' }).click()
  // A member price at the list price is refused next to the field, before anything is sent.
  await dialog.getByText('群友价需低于原价').waitFor()

  await dialog.getByLabel('群友价（元）').fill('99.9')
  for (const tier of ['普通群', '垂类群', '点赞群']) await dialog.getByLabel(tier).uncheck()
  await dialog.getByRole('button', { name: '保存' }).click()
  await page.getByText('已保存').waitFor()
  await dialog.waitFor({ state: 'detached' })

  // The calendar marks today, and the table lists the price day with its member price.
  const today = cnDay(Date.now())
  await page.locator(`[data-day="${today}"]`).getByText('今日群友价').waitFor()
  await page.getByRole('row').filter({ hasText: `${PRODUCT_TITLE}：¥99.90 原价 ¥129.00，每人限 2 件` }).filter({ hasText: '核心群' }).waitFor()
  await page.waitForTimeout(300) // the modal's closing animation
  await page.screenshot({ path: join(ARTIFACTS, 'console-price-day.png'), fullPage: true })

  // The change is in the audit log.
  await page.getByRole('menuitem', { name: '审计日志' }).click()
  await page.getByRole('row').filter({ hasText: '群友价日' }).filter({ hasText: '新建' }).waitFor()
  await page.close()

  // The shop: the core-group member pays the member price today, the non-member the list price.
  const member = await env.server.call('shop', { action: 'product', productId: PRODUCT }, MEMBER)
  expect(member.data).toMatchObject({ priceFen: 9_990, listPriceFen: LIST_PRICE_FEN, priceDay: { eligible: true, memberPriceFen: 9_990, title: '今日群友价' } })
  const outsider = await env.server.call('shop', { action: 'product', productId: PRODUCT }, OUTSIDER)
  expect(outsider.data).toMatchObject({ priceFen: LIST_PRICE_FEN, priceDay: { eligible: false } })

  // The operator deletes it (asked first); the member is back at the list price.
  const again = await env.browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await signInToConsole(again, env.server)
  await again.getByRole('menuitem', { name: '群友价日' }).click()
  // The table's row (the calendar's rows mention it too, without the button).
  const row = again.getByRole('row').filter({ hasText: '今日群友价' }).filter({ has: again.getByRole('button', { name: '删除' }) }).first()
  await row.getByRole('button', { name: '删除' }).click()
  await again.getByRole('tooltip').getByRole('button', { name: '删除' }).click()
  await row.waitFor({ state: 'detached' })
  await again.close()
  const after = await env.server.call('shop', { action: 'product', productId: PRODUCT }, MEMBER)
  expect(after.data.priceFen).toBe(LIST_PRICE_FEN)
  expect(after.data.priceDay).toBeUndefined()
})
