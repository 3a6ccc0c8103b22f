/**
 * The `order` function: buy, pay, cancel, and read one's own orders. Prices and stock are
 * decided here, never by the client.
 */
import { defineFunction } from '../platform/function'
import type { ApiActions } from '../services/api'
import { cancel } from './cancel'
import { create } from './create'
import { detail } from './detail'
import { list } from './list'
import { pay } from './pay'

const actions = { create, pay, cancel, list, detail } satisfies ApiActions<'order'>

export default defineFunction('order', actions)
