/**
 * Zod pieces shared by the functions' input schemas. Objects built from them must be `.strict()`
 * so that unknown fields are refused rather than ignored.
 */
import { z } from 'zod'
import { ORDER_STATUSES } from './order/status'

/** Client-generated idempotency key of a mutating call. */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '需为 8-64 位字母、数字、_ 或 -')

/** A document id (products, orders, sales, ...). */
export const docId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '需为 1-64 位字母、数字、_ 或 -')

/** Units in one order. */
export const qty = z.number().int().min(1).max(99)

/** Paging offset. */
export const skip = z.number().int().min(0).max(10_000)

export const orderStatus = z.enum(ORDER_STATUSES)

/** A member's display name. */
export const nickname = z.string().trim().min(1).max(20)

/** Input of actions that take nothing. */
export const noInput = z.object({}).strict()
