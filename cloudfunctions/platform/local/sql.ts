/**
 * Translation of the database port's `Where` and `UpdateSpec` into SQL over JSON documents.
 * Field names become literal JSON paths in the SQL text (not parameters) so SQLite can match
 * them against expression indexes; values are always bound parameters.
 */

/** What better-sqlite3 can bind. */
export type SqlValue = string | number | bigint | null

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/
const COND_OPS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'])

/** A quoted table name; collection names are plain identifiers. */
export function table(coll: string): string {
  if (!NAME.test(coll) || coll.toLowerCase().startsWith('sqlite')) {
    throw new Error(`unsupported collection name: ${coll}`)
  }
  return `"${coll}"`
}

/** Column expressions of the fields seen so far (field names come from code, so few; capped anyway). */
const columns = new Map<string, string>([['_id', 'id']])
const MAX_CACHED_COLUMNS = 1_000

/** The SQL expression for a top-level field: `_id` is the key column, the rest live in `doc`. */
export function column(field: string): string {
  const known = columns.get(field)
  if (known !== undefined) return known
  if (!FIELD.test(field)) throw new Error(`unsupported field name: ${field}`)
  const expression = `json_extract(doc, '$.${field}')`
  if (columns.size < MAX_CACHED_COLUMNS) columns.set(field, expression)
  return expression
}

/** JS value -> bound SQL value, matching what `json_extract` yields for the stored JSON. */
export function toSql(value: unknown): SqlValue {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
      return value
    case 'boolean':
      return value ? 1 : 0
    default:
      // json_extract returns objects and arrays as minified JSON text.
      return JSON.stringify(value)
  }
}

function isCond(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => COND_OPS.has(k))
}

export interface Compiled {
  sql: string
  params: SqlValue[]
}

function compileCond(col: string, op: string, arg: unknown, parts: string[], params: SqlValue[]): void {
  switch (op) {
    case 'eq':
      if (arg === null) parts.push(`${col} IS NULL`)
      else {
        parts.push(`${col} = ?`)
        params.push(toSql(arg))
      }
      return
    case 'ne':
      // Like the cloud database, `ne` also matches documents where the field is missing.
      if (arg === null) parts.push(`${col} IS NOT NULL`)
      else {
        parts.push(`${col} IS NOT ?`)
        params.push(toSql(arg))
      }
      return
    case 'in': {
      if (!Array.isArray(arg)) throw new Error('`in` takes an array')
      const values = arg.filter((v) => v !== null && v !== undefined)
      const alts: string[] = []
      if (values.length > 0) {
        alts.push(`${col} IN (${values.map(() => '?').join(', ')})`)
        for (const v of values) params.push(toSql(v))
      }
      if (values.length < arg.length) alts.push(`${col} IS NULL`)
      parts.push(alts.length === 0 ? '0' : alts.length === 1 ? alts[0] : `(${alts.join(' OR ')})`)
      return
    }
    default: {
      const sqlOp = op === 'gt' ? '>' : op === 'gte' ? '>=' : op === 'lt' ? '<' : '<='
      parts.push(`${col} ${sqlOp} ?`)
      params.push(toSql(arg))
    }
  }
}

/** `Where` -> the body of a WHERE clause and its parameters. Undefined values are ignored. */
export function compileWhere(where: Record<string, unknown>): Compiled {
  const parts: string[] = []
  const params: SqlValue[] = []
  for (const key of Object.keys(where)) {
    const value = where[key]
    if (value === undefined) continue
    const col = column(key)
    if (isCond(value)) {
      for (const op of Object.keys(value)) {
        if (value[op] !== undefined) compileCond(col, op, value[op], parts, params)
      }
    } else {
      compileCond(col, 'eq', value, parts, params)
    }
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params }
}

export interface Spec {
  set?: Record<string, unknown>
  inc?: Record<string, unknown>
}

function checkSpecField(field: string): void {
  if (field === '_id') throw new Error('`_id` cannot be updated')
  column(field)
}

/**
 * `UpdateSpec` -> the new value of `doc` as one `json_set` expression, so a conditional
 * update is a single UPDATE statement (atomic, no JSON round trip through JS).
 */
export function compileSpec(spec: Spec): Compiled {
  const args: string[] = []
  const params: SqlValue[] = []
  const seen = new Set<string>()
  for (const [field, value] of Object.entries(spec.set ?? {})) {
    if (value === undefined) continue
    checkSpecField(field)
    seen.add(field)
    args.push(`'$.${field}', json(?)`)
    params.push(JSON.stringify(value))
  }
  for (const [field, by] of Object.entries(spec.inc ?? {})) {
    if (by === undefined) continue
    checkSpecField(field)
    if (seen.has(field)) throw new Error(`field ${field} is both set and incremented`)
    if (typeof by !== 'number' || !Number.isFinite(by)) throw new Error(`inc.${field} must be a finite number`)
    args.push(`'$.${field}', coalesce(json_extract(doc, '$.${field}'), 0) + ?`)
    params.push(by)
  }
  return { sql: args.length > 0 ? `json_set(doc, ${args.join(', ')})` : 'doc', params }
}

/** The same update applied in JS, for transactions (which buffer their writes). */
export function applySpec<T extends Record<string, unknown>>(doc: T, spec: Spec): T {
  const next: Record<string, unknown> = { ...doc }
  const seen = new Set<string>()
  for (const [field, value] of Object.entries(spec.set ?? {})) {
    if (value === undefined) continue
    checkSpecField(field)
    seen.add(field)
    next[field] = structuredClone(value)
  }
  for (const [field, by] of Object.entries(spec.inc ?? {})) {
    if (by === undefined) continue
    checkSpecField(field)
    if (seen.has(field)) throw new Error(`field ${field} is both set and incremented`)
    if (typeof by !== 'number' || !Number.isFinite(by)) throw new Error(`inc.${field} must be a finite number`)
    const current = next[field]
    next[field] = (typeof current === 'number' ? current : 0) + by
  }
  return next as T
}

export type IndexSpec = Record<string, ReadonlyArray<readonly string[]>>

/** CREATE INDEX statements for one collection; the expressions match `column`. */
export function indexStatements(coll: string, indexes: ReadonlyArray<readonly string[]>): string[] {
  return indexes.map((fields) => {
    const name = `"${coll}__${fields.join('__')}"`
    return `CREATE INDEX IF NOT EXISTS ${name} ON ${table(coll)} (${fields.map(column).join(', ')})`
  })
}
