/**
 * A member buys a product end to end in the h5 shop served by `npm run dev`: product page,
 * buy-now sheet, order page, the simulated WeChat Pay sheet, and "my orders" showing it paid.
 * The operator then sees the paid order in the console.
 */
import { join } from 'node:path'
import { ARTIFACTS, onScreen, signInToConsole, withDevShop } from './server'

jest.setTimeout(240_000)

const env = withDevShop()

it('lets a member buy a product, pay, and see it paid in my orders', async () => {
  const shelf = await env.server.call('shop', { action: 'products' }, 'demo-alice')
  expect(shelf.ok).toBe(true)
  const product = shelf.data.items.find((p: { soldOut: boolean }) => !p.soldOut)
  expect(product).toBeDefined()

  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
  await page.goto(`${env.server.url}/`)
  await onScreen(page, product.title).click()

  // Product page: the bar's 立即购买 opens the buy-now sheet, whose 立即购买 places the order.
  await onScreen(page, '立即购买').click()
  await page.getByText('立即购买').filter({ visible: true }).last().click()

  // The order page, pending, with the pay button.
  await onScreen(page, '去支付').click()
  await onScreen(page, '确认支付').click()
  await onScreen(page, '已支付').waitFor()

  await onScreen(page, '我的订单').click()
  // The order's own card says paid (the status tabs also read 已支付).
  await page
    .locator('.order-card')
    .filter({ hasText: product.title })
    .filter({ hasText: '已支付' })
    .filter({ visible: true })
    .first()
    .waitFor()
  await page.waitForTimeout(400) // Taro's page transition
  await page.screenshot({ path: join(ARTIFACTS, 'buy-my-orders.png') })

  // The server agrees: one paid order for this member at the server's price.
  const orders = await env.server.call('order', { action: 'list' }, 'demo-alice')
  expect(orders.ok).toBe(true)
  const paid = orders.data.items.filter((o: { status: string }) => o.status === 'paid')
  expect(paid).toHaveLength(1)
  expect(paid[0].productId).toBe(product._id)
  expect(paid[0].totalFen).toBe(product.priceFen)

  // The stock the shop shows went down by the unit bought.
  const after = await env.server.call('shop', { action: 'product', productId: product._id }, 'demo-alice')
  expect(after.data.stock).toBe(product.stock - 1)
  await page.close()
})

it('shows the operator the paid order in the console', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } })
  await signInToConsole(page, env.server)
  await page.getByRole('menuitem', { name: '订单' }).click()
  await onScreen(page, '已支付').waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'console-orders.png') })
  await page.close()
})
