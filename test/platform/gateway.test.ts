import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultConfig } from '../../cloudfunctions/core/config'
import { isLoopbackHost, NotLoopbackError, startLocalCloud, type RunningCloud } from '../../cloudfunctions/local/main'
import { parseTrigger } from '../../cloudfunctions/local/scheduler'

const ADMIN_PASSWORD = 'gateway-test-pass'
let dataDir: string
let running: RunningCloud

async function start(): Promise<RunningCloud> {
  return startLocalCloud({
    port: 0,
    dataDir,
    scheduler: false,
    announce: false,
    config: { ...defaultConfig, adminPassword: ADMIN_PASSWORD },
  })
}

async function post(pathname: string, body: string | object, headers: Record<string, string> = {}) {
  const res = await fetch(running.url + pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-gateway-'))
  running = await start()
})

afterAll(async () => {
  await running.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('POST /cloud/<fn>', () => {
  it('takes the caller identity from the X-Wx-Openid header', async () => {
    const alice = await post('/cloud/shop', { action: 'home' }, { 'X-Wx-Openid': 'demo-alice' })
    expect(alice.status).toBe(200)
    expect(alice.body.data.member).toMatchObject({ openid: 'demo-alice', nickname: '小爱' })
    const nobody = await post('/cloud/shop', { action: 'home' })
    expect(nobody.body.data.member).toBeNull()
  })

  it('answers exactly what the function responds, including its own answer shape', async () => {
    // payNotify answers WeChat's {errcode, errmsg}; a member calling it is refused.
    const res = await post('/cloud/payNotify', { returnCode: 'SUCCESS', outTradeNo: 'x', totalFee: 1 }, { 'X-Wx-Openid': 'demo-bob' })
    expect(res).toEqual({ status: 200, body: { errcode: 1, errmsg: 'FORBIDDEN' } })
  })

  it('answers 404 NOT_FOUND for a function that does not exist', async () => {
    const res = await post('/cloud/nope', { action: 'x' })
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('answers 400 INVALID_INPUT for a body that is not JSON', async () => {
    const res = await post('/cloud/shop', '{"action":')
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('answers an oversized body with INVALID_INPUT and a Chinese message', async () => {
    const res = await post('/cloud/shop', { action: 'home', padding: 'x'.repeat(2 * 1024 * 1024) })
    expect(res.status).toBe(413)
    expect(res.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请求内容过大' })
  })

  it('refuses a malformed identity header', async () => {
    const res = await post('/cloud/shop', { action: 'home' }, { 'X-Wx-Openid': 'a b<script>' })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('INVALID_INPUT')
  })

  it('passes validation failures through as the function answers them', async () => {
    const res = await post('/cloud/shop', { action: 'home', extra: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('dev endpoints and files', () => {
  it('lists the three demo members', async () => {
    const res = await fetch(`${running.url}/dev/users`)
    expect(await res.json()).toEqual([
      { openid: 'demo-alice', nickname: '小爱' },
      { openid: 'demo-bob', nickname: '阿宝' },
      { openid: 'demo-carol', nickname: '卡罗' },
    ])
  })

  it('serves the seed images the products point at', async () => {
    const home = await post('/cloud/shop', { action: 'home' })
    const cover: string = home.body.data.products[0].cover
    expect(cover).toMatch(/^\/files\/seed\/.+\.svg$/)
    const res = await fetch(running.url + cover)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('image/svg+xml')
  })

  it('completes a payment from the pay sheet by notifying payNotify', async () => {
    const who = { 'X-Wx-Openid': 'demo-carol' }
    const created = await post('/cloud/order', { action: 'create', requestId: 'gateway-req-1', productId: 'p-soap', qty: 1 }, who)
    expect(created.body.ok).toBe(true)
    const orderId = created.body.data._id
    expect((await post('/cloud/order', { action: 'pay', orderId }, who)).body.ok).toBe(true)
    expect(await post('/pay/simulate', { outTradeNo: orderId }, who)).toEqual({
      status: 200,
      body: { ok: true, data: { errcode: 0, errmsg: 'OK' } },
    })
    expect((await post('/cloud/order', { action: 'detail', orderId }, who)).body.data.status).toBe('paid')
    expect((await post('/pay/simulate', { outTradeNo: 'never-prepaid' })).status).toBe(404)
  })
})

describe('first start and restart', () => {
  it('seeds a demo shop once: products with stock and prices, three members, the admin operator', async () => {
    expect(running.seed.seeded).toBe(true)
    const products = await running.db.query('products', {})
    expect(products.length).toBeGreaterThanOrEqual(8)
    for (const p of products) {
      expect(p.stock).toBeGreaterThanOrEqual(20)
      expect(p.stock).toBeLessThanOrEqual(200)
      expect(Number.isSafeInteger(p.priceFen)).toBe(true)
      expect(p.title).toMatch(/[\u4e00-\u9fff]/)
      expect(p.images.length).toBeGreaterThan(0)
    }
    expect(await running.db.count('members', {})).toBe(3)
    const login = await post('/cloud/admin', { action: 'login', username: 'admin', password: ADMIN_PASSWORD })
    expect(login.body.ok).toBe(true)
  })

  it('keeps data across a restart and does not seed again', async () => {
    await running.db.update('products', { _id: 'p-tote' }, { set: { title: '改过的名字' } })
    await running.close()
    running = await start()
    expect(running.seed.seeded).toBe(false)
    expect((await running.db.get('products', 'p-tote'))!.title).toBe('改过的名字')
    expect(await running.db.count('orders', {})).toBe(1)
  })
})

describe('loopback only', () => {
  it('knows loopback addresses from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) expect(isLoopbackHost(host)).toBe(true)
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com']) expect(isLoopbackHost(host)).toBe(false)
  })

  it('refuses to start on a non-loopback address', async () => {
    await expect(startLocalCloud({ host: '0.0.0.0', port: 0, dataDir, announce: false })).rejects.toThrow(NotLoopbackError)
  })

  it('npm start exits with a clear message when HOST is not loopback', () => {
    const tsx = path.join(__dirname, '../../node_modules/.bin/tsx')
    const main = path.join(__dirname, '../../cloudfunctions/local/main.ts')
    const result = spawnSync(tsx, [main], { env: { ...process.env, HOST: '0.0.0.0', PORT: '0', DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Refusing to listen on 0.0.0.0')
  }, 60_000)
})

describe('timer triggers', () => {
  it('reads WeChat 7-field cron expressions in China time', () => {
    const everyMinute = parseTrigger('0 * * * * * *')
    expect(everyMinute.nextRun(new Date('2026-11-18T02:00:30Z'))!.toISOString()).toBe('2026-11-18T02:01:00.000Z')
    const daily = parseTrigger('0 0 3 * * * *')
    // 03:00 in China is 19:00 UTC the day before.
    expect(daily.nextRun(new Date('2026-11-18T02:00:00Z'))!.toISOString()).toBe('2026-11-18T19:00:00.000Z')
  })
})
