/**
 * The `admin` function: the operator console's API. `login` answers a signed token; every other
 * action needs it (see `auth.ts` for roles). Issue 3 adds config `upsert`/`remove` and `audit`.
 */
import { defineFunction } from '../platform/function'
import { list } from './list'
import { login } from './login'
import { addOperator, me } from './team'

export default defineFunction('admin', { login, me, list, addOperator })
