/** A price field in yuan: text (so '19.90' stays exact), converted to fen by `yuanToFen` on save. */
import { Input, type InputProps } from 'antd'

export function YuanInput(props: InputProps) {
  return <Input prefix="¥" inputMode="decimal" placeholder="0.00" autoComplete="off" {...props} />
}
