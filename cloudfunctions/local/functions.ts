/** Every cloud function the local cloud hosts, by the name callers use (`POST /cloud/<name>`). */
import admin from '../admin/function'
import cron from '../cron/function'
import flash from '../flash/function'
import member from '../member/function'
import order from '../order/function'
import payNotify from '../payNotify/function'
import shop from '../shop/function'
import type { CloudFunction } from '../platform/function'

export const functions: Readonly<Record<string, CloudFunction>> = { shop, member, order, payNotify, cron, admin, flash }

export function findFunction(name: string): CloudFunction | undefined {
  return Object.hasOwn(functions, name) ? functions[name] : undefined
}
