/** antd Form rules shared by the console's forms: what operators type, checked as they type it. */
import type { FormInstance } from 'antd'
import type { Rule } from 'antd/es/form'
import type { NamePath } from './serverErrors'
import { yuanToFen } from '../money'

/** A price in yuan: at most 2 decimals, above 0, at most `maxFen`, and below `belowFen` when given. */
export function yuanRules(label: string, options: { belowFen?: () => number | undefined; belowText?: string; maxFen?: number } = {}): Rule[] {
  return [
    { required: true, message: `请填写${label}` },
    {
      validator: async (_rule, value: unknown) => {
        if (value === undefined || value === null || value === '') return
        const fen = yuanToFen(String(value))
        if (fen === null) throw new Error(`${label}需为金额，最多两位小数，如 19.90`)
        if (fen <= 0) throw new Error(`${label}需大于 0`)
        if (options.maxFen !== undefined && fen > options.maxFen) throw new Error(`${label}过高`)
        const below = options.belowFen?.()
        if (below !== undefined && fen >= below) throw new Error(options.belowText ?? `${label}需低于原价`)
      },
    },
  ]
}

/** A whole number between `min` and `max`. */
export function wholeNumberRules(label: string, min: number, max: number): Rule[] {
  return [
    { required: true, message: `请填写${label}` },
    {
      validator: async (_rule, value: unknown) => {
        if (value === undefined || value === null || value === '') return
        if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${label}需为整数`)
        if (value < min) throw new Error(`${label}不能小于 ${min}`)
        if (value > max) throw new Error(`${label}不能大于 ${max}`)
      },
    },
  ]
}

export function requiredText(label: string, max: number): Rule[] {
  return [
    { required: true, whitespace: true, message: `请填写${label}` },
    { max, message: `${label}最多 ${max} 个字` },
  ]
}

/**
 * Checks field `name` again after a field its rules read has changed (the product for a price,
 * the start for an end), once the operator has touched it: antd's `dependencies` would check it
 * at once, and greet a price not typed yet with "请填写…" as soon as the product is picked.
 */
export function recheckIfTouched(form: FormInstance, name: NamePath): void {
  if (form.isFieldTouched(name)) form.validateFields([name]).catch(() => undefined)
}
