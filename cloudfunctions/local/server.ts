/**
 * The local cloud's HTTP gateway: every function at `POST /cloud/<fn>` (the reply body is exactly
 * what the function answers), the built h5 shop at `/`, the console at `/console/`, files at
 * `/files/*`, and the dev-only pay sheet and user list. Lean on purpose: no per-request logging
 * and no hooks on the function path, because the flash-sale benchmark runs through it.
 */
import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { errorMessages } from '../core/errors'
import type { Db } from '../platform/ports'
import { userContext } from './cloud'
import type { FunctionInstance } from './instanceHost'
import type { Answer } from './instanceProtocol'
import { DEMO_MEMBERS } from './seed'

export const OPENID_HEADER = 'x-wx-openid'
const OPENID = /^[A-Za-z0-9_-]{1,64}$/

export interface GatewayOptions {
  /** Where the functions run (their own thread). */
  functions: FunctionInstance
  /** The database, for the dev-only pages' reads. */
  db: Db
  /** The built h5 shop (`dist/h5`), served at `/` with index.html for client-side routes. */
  h5Dir: string
  /** The built console (`dist/console`), served at `/console/`. */
  consoleDir: string
  /** Uploaded files (`.data/files`), served at `/files/`. */
  filesDir: string
  /** The bundled seed images, served at `/files/seed/`. */
  seedImagesDir: string
}

function failure(reply: FastifyReply, status: number, code: 'INVALID_INPUT' | 'NOT_FOUND' | 'INTERNAL', message: string) {
  return reply.code(status).send({ ok: false, code, message })
}

/** A function instance's answer as the reply: its status, its JSON text as is. */
function sendAnswer(reply: FastifyReply, answer: Answer) {
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body)
}

function notBuiltPage(what: string, command: string): string {
  return (
    '<!doctype html><meta charset="utf-8"><title>群友 · 本地云</title>' +
    `<body style="font-family:sans-serif;padding:2em"><h1>${what}还没有构建</h1>` +
    `<p>运行 <code>${command}</code>，或直接使用 <code>npm run dev</code>（会自动构建）。</p></body>`
  )
}

function hasIndex(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html'))
}

/** Our own messages are Chinese already; the web server's (body too large, bad path) are not. */
function clientErrorMessage(status: number, message: string): string {
  if (/[\u4e00-\u9fff]/.test(message)) return message
  if (status === 413) return '请求内容过大'
  return errorMessages.INVALID_INPUT
}

export async function createGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const { functions, db } = options
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })

  // JSON bodies stay text here: the function instance parses them (a malformed one is answered
  // INVALID_INPUT there), so the gateway's thread spends nothing on them.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    done(null, typeof body === 'string' ? body : body.toString('utf8'))
  })
  const bodyText = (request: FastifyRequest): string => (typeof request.body === 'string' ? request.body : '')

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode ?? 500
    if (status < 500) return failure(reply, status, 'INVALID_INPUT', clientErrorMessage(status, error.message))
    console.error(JSON.stringify({ level: 'error', message: 'gateway error', error: error.stack ?? error.message }))
    return failure(reply, 500, 'INTERNAL', errorMessages.INTERNAL)
  })

  const openidOf = (request: FastifyRequest): string | null => {
    const header = request.headers[OPENID_HEADER]
    if (header === undefined || header === '') return ''
    return typeof header === 'string' && OPENID.test(header) ? header : null
  }

  app.post<{ Params: { fn: string } }>('/cloud/:fn', async (request, reply) => {
    const openid = openidOf(request)
    if (openid === null) return failure(reply, 400, 'INVALID_INPUT', `请求头 X-Wx-Openid 无效`)
    return sendAnswer(reply, await functions.invoke(request.params.fn, bodyText(request), userContext(openid, 'wx_client', request.ip)))
  })

  // The h5 pay sheet's confirm: WeChat Pay takes the money and notifies payNotify.
  app.post('/pay/simulate', async (request, reply) => {
    let outTradeNo: unknown
    try {
      outTradeNo = (JSON.parse(bodyText(request) || '{}') as { outTradeNo?: unknown } | null)?.outTradeNo
    } catch {
      return failure(reply, 400, 'INVALID_INPUT', '请求体不是有效的 JSON')
    }
    if (typeof outTradeNo !== 'string' || outTradeNo === '') return failure(reply, 400, 'INVALID_INPUT', '字段 outTradeNo 无效')
    const answer = await functions.paySimulate(outTradeNo)
    if (answer.status !== 200) return sendAnswer(reply, answer)
    const paid = JSON.parse(answer.body) as { errcode?: number } | null
    if (!paid) return failure(reply, 404, 'NOT_FOUND', '没有这笔待支付的订单')
    return { ok: paid.errcode === 0, data: paid }
  })

  app.get('/dev/users', async () => DEMO_MEMBERS.map((m) => ({ openid: m._id, nickname: m.nickname })))

  // The h5 user switcher's "open from group X" (`dev:<opengid>`): the groups seen so far, named or pending.
  app.get('/dev/groups', async () => {
    const groups = await db.query('groups', {}, { orderBy: [['_id', 'asc']], limit: 100 })
    return groups.map((g) => ({ opengid: g._id, name: g.name, tier: g.tier, topic: g.topic, status: g.status }))
  })

  // Static files. The first registration decorates `reply.sendFile` (used by the SPA fallback).
  fs.mkdirSync(options.filesDir, { recursive: true })
  await app.register(fastifyStatic, { root: options.seedImagesDir, prefix: '/files/seed/', maxAge: '1h' })
  await app.register(fastifyStatic, { root: options.filesDir, prefix: '/files/', decorateReply: false })
  const consoleBuilt = hasIndex(options.consoleDir)
  const h5Built = hasIndex(options.h5Dir)
  if (consoleBuilt) {
    await app.register(fastifyStatic, { root: options.consoleDir, prefix: '/console/', redirect: true, decorateReply: false })
  }
  if (h5Built) {
    // Directory requests get index.html; unknown paths fall through to the SPA fallback below.
    await app.register(fastifyStatic, { root: options.h5Dir, prefix: '/', decorateReply: false })
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !/^\/(cloud|files|pay|dev)(\/|$)/.test(url)
    if (!isPage) return failure(reply, 404, 'NOT_FOUND', `没有这个地址: ${request.method} ${url.split('?')[0]}`)
    if (url === '/console' || url.startsWith('/console/') || url.startsWith('/console?')) {
      if (!consoleBuilt) return reply.type('text/html; charset=utf-8').send(notBuiltPage('运营后台', 'npm run build:console'))
      if (url === '/console' || url.startsWith('/console?')) return reply.redirect('/console/')
      return reply.header('cache-control', 'no-cache').sendFile('index.html', options.consoleDir, { cacheControl: false })
    }
    if (!h5Built) return reply.type('text/html; charset=utf-8').send(notBuiltPage('商城 (h5)', 'npm run build:h5'))
    // Client-side routes of the shop all load its index.html.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', options.h5Dir, { cacheControl: false })
  })

  return app
}
