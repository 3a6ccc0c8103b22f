/**
 * The local stand-in for subscribeMessage.send: every message lands in the `outbox` collection,
 * where the console (and tests) can read what members would have received.
 */
import { randomBytes } from 'node:crypto'
import type { Db, Subscribe, SubscribeMessage } from '../ports'

export class LocalOutbox implements Subscribe {
  constructor(private readonly options: { db: Db; now(): number }) {}

  async send(message: SubscribeMessage): Promise<void> {
    // Like WeChat, refuse a message without a recipient or template rather than "send" it.
    if (!message.touser) throw new Error('43101: touser is empty')
    if (!message.templateId) throw new Error('40037: templateId is empty')
    const sentAt = this.options.now()
    // Time first, so ids sort in sending order.
    const _id = `${String(sentAt).padStart(15, '0')}-${randomBytes(4).toString('hex')}`
    await this.options.db.add('outbox', { _id, ...message, sentAt })
  }
}
