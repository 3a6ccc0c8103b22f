/**
 * Real Chromium against `npm run dev`: an operator schedules a flash sale in the console with the
 * date-time pickers, watches members' orders arrive in the live view, and pulls the kill switch;
 * the next member's attempt is refused by the server.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { cnTime } from '../../cloudfunctions/core/time'
import { ADMIN_PASSWORD, ARTIFACTS, pickProduct, signInToConsole, withDevShop } from './server'

jest.setTimeout(240_000)

const PRODUCT = 'p-candle'
const PRODUCT_TITLE = '薰衣草大豆香薰蜡烛'

const env = withDevShop()

const wallTime = (ms: number) => cnTime(ms).format('YYYY-MM-DD HH:mm:ss')

async function pickTime(page: Page, label: string, value: string) {
  const input = page.getByRole('dialog').getByLabel(label)
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

it('lets an operator schedule a flash sale, watch it live, and stop it at once', async () => {
  for (const member of ['demo-alice', 'demo-bob', 'demo-carol']) {
    expect(await env.server.call('member', { action: 'bindGroup', group: 'dev:G-demo-core' }, member)).toMatchObject({ ok: true })
  }

  const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } })
  await signInToConsole(page, env.server)
  await page.getByRole('menuitem', { name: '限量秒杀' }).click()
  await page.getByRole('button', { name: '新建秒杀' }).click()
  const dialog = page.getByRole('dialog')

  // The list price under the price field confirms the pick.
  await pickProduct(page, PRODUCT_TITLE)
  await dialog.getByText('原价 ¥79.00', { exact: true }).waitFor()
  // Nothing typed yet, so nothing is marked missing yet.
  expect(await dialog.getByText('请填写秒杀价').count()).toBe(0)
  await dialog.getByLabel('秒杀价（元）').fill('79')
  await dialog.getByText('秒杀价需低于原价').waitFor()
  await dialog.getByLabel('秒杀价（元）').fill('39.90')
  await dialog.getByLabel('数量').fill('10')
  await dialog.getByLabel('每人限购').fill('2')
  // China wall time, whatever the browser's zone: started a minute ago, for an hour.
  const now = Date.now()
  await pickTime(page, '开始时间', wallTime(now - 60_000))
  await pickTime(page, '结束时间', wallTime(now - 120_000))
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.getByText('结束时间需晚于开始时间').waitFor()
  await pickTime(page, '结束时间', wallTime(now + 3_600_000))
  await dialog.getByRole('button', { name: '保存' }).click()
  await page.getByText('已保存').waitFor()
  await dialog.waitFor({ state: 'detached' })

  const row = page.getByRole('row').filter({ hasText: `${PRODUCT_TITLE} 限量秒杀` })
  await row.getByText('进行中').waitFor()
  const { data: signedIn } = await env.server.call('admin', { action: 'login', username: 'admin', password: ADMIN_PASSWORD })
  const { data: listed } = await env.server.call('admin', { action: 'list', token: signedIn.token, kind: 'flashSales' })
  // The demo shop has sales of its own.
  const sale = listed.items.find((item: { productId: string }) => item.productId === PRODUCT)
  expect(sale).toMatchObject({ productId: PRODUCT, flashPriceFen: 3_990, quantity: 10, left: 10, perMemberLimit: 2, status: 'scheduled' })

  // The live view follows orders as they come in (it polls every 2 s).
  await row.getByRole('button', { name: '实时' }).click()
  const drawer = page.locator('.ant-drawer-content')
  await drawer.getByText('每秒订单（近 10 秒）').waitFor()
  const buy = (openid: string, qty: number) =>
    env.server.call('order', { action: 'create', requestId: `e2e-${openid}-flash`, productId: PRODUCT, qty, saleId: sale._id }, openid)
  expect(await buy('demo-alice', 2)).toMatchObject({ ok: true, data: { unitPriceFen: 3_990 } })
  expect(await buy('demo-bob', 1)).toMatchObject({ ok: true })
  await drawer.locator('.ant-statistic').filter({ hasText: '已抢（含未支付）' }).getByText('3', { exact: true }).waitFor()
  await drawer.locator('.ant-statistic').filter({ hasText: '剩余' }).getByText('7', { exact: true }).waitFor()

  // The kill switch.
  await drawer.getByRole('button', { name: '立即停止' }).click()
  await page.locator('.ant-popconfirm').getByRole('button', { name: '停止' }).click()
  await page.getByText('已停止，之后的抢购都会被拒绝').waitFor()
  await drawer.getByText('已停止', { exact: true }).waitFor()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(ARTIFACTS, 'console-flash-stopped.png') })

  // The server refuses the next member, and the sale's units stay as they were.
  expect(await buy('demo-carol', 1)).toMatchObject({ ok: false })
  const { data: after } = await env.server.call('admin', { action: 'flashLive', token: signedIn.token, saleId: sale._id })
  expect(after.sale).toMatchObject({ status: 'stopped', left: 7, reserved: 3, paid: 0 })
  await page.close()
})
