/**
 * An image uploaded through the local cloud's gateway lands in the data folder's file store, is
 * served at the URL `uploadImage` answered, and a product saved with it shows it in the shop.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultConfig } from '../../cloudfunctions/core/config'
import { startLocalCloud, type RunningCloud } from '../../cloudfunctions/local/main'

const ADMIN_PASSWORD = 'upload-test-pass'
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

let dataDir: string
let running: RunningCloud

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-upload-'))
  running = await startLocalCloud({ port: 0, dataDir, scheduler: false, announce: false, config: { ...defaultConfig, adminPassword: ADMIN_PASSWORD } })
})

afterAll(async () => {
  await running.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function cloud(fn: string, event: object): Promise<any> {
  const res = await fetch(`${running.url}/cloud/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) })
  return res.json()
}

it('stores an uploaded picture under the data folder and serves it to the shop', async () => {
  const { data: session } = await cloud('admin', { action: 'login', username: 'admin', password: ADMIN_PASSWORD })
  const uploaded = await cloud('admin', { action: 'uploadImage', token: session.token, name: 'cover.png', contentBase64: PNG.toString('base64') })
  expect(uploaded).toEqual({ ok: true, data: { url: expect.stringMatching(/^\/files\/products\/[0-9a-f]{32}\.png$/) } })
  const url: string = uploaded.data.url
  expect(fs.readFileSync(path.join(dataDir, 'files', url.replace('/files/', '')))).toEqual(PNG)

  const served = await fetch(running.url + url)
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)

  const doc = { _id: 'p-uploaded', title: '新品', subtitle: '', images: [url], priceFen: 990, stock: 5, status: 'listed', sort: 0, detail: '' }
  expect(await cloud('admin', { action: 'upsert', token: session.token, kind: 'products', doc })).toMatchObject({ ok: true })
  expect(await cloud('shop', { action: 'product', productId: 'p-uploaded' })).toMatchObject({ ok: true, data: { images: [url], priceFen: 990 } })
})
