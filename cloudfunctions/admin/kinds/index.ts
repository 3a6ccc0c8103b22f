/** Every config kind the admin function can upsert and remove, by the name callers use. */
import type { ConfigDocs, ConfigKind } from '../api'
import { flashSales } from './flashSales'
import { groups } from './groups'
import type { ConfigKindDef } from './kind'
import { priceDays } from './priceDays'
import { products } from './products'

export const CONFIG_KINDS = ['products', 'groups', 'priceDays', 'flashSales'] as const satisfies readonly ConfigKind[]

type AnyDoc = ConfigDocs[ConfigKind]

/** The kinds, each seen through the common interface `upsert` and `remove` use. */
export const configKinds: Record<ConfigKind, ConfigKindDef<AnyDoc, unknown>> = {
  products: products as ConfigKindDef<AnyDoc, unknown>,
  groups: groups as ConfigKindDef<AnyDoc, unknown>,
  priceDays: priceDays as ConfigKindDef<AnyDoc, unknown>,
  flashSales: flashSales as ConfigKindDef<AnyDoc, unknown>,
}
