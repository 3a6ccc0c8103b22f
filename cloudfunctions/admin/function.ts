/**
 * The `admin` function: the operator console's API. `login` answers a signed token; every other
 * action needs it (see `auth.ts` for roles). Config changes go through `upsert`/`remove` per
 * kind and are audited; `metrics` and the flash actions feed the console's pages.
 */
import { defineFunction } from '../platform/function'
import { audit } from './auditLog'
import { flashLive, flashReconcile, flashReport, flashStop } from './flash'
import { list } from './list'
import { login } from './login'
import { metrics } from './metrics'
import { remove } from './remove'
import { addOperator, me } from './team'
import { uploadImage } from './upload'
import { upsert } from './upsert'

export default defineFunction('admin', {
  login,
  me,
  list,
  addOperator,
  upsert,
  remove,
  audit,
  metrics,
  uploadImage,
  flashStop,
  flashLive,
  flashReport,
  flashReconcile,
})
