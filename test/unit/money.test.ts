import { fenToYuan, formatFen, isFen, multiplyFen, sumFen } from '@core/money'

describe('money', () => {
  it('accepts non-negative safe integers as fen and nothing else', () => {
    expect(isFen(0)).toBe(true)
    expect(isFen(1290)).toBe(true)
    expect(isFen(Number.MAX_SAFE_INTEGER)).toBe(true)
    for (const bad of [-1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '100', null, undefined]) {
      expect(isFen(bad)).toBe(false)
    }
  })

  it('formats fen as yuan with a symbol and two decimals', () => {
    expect(formatFen(1290)).toBe('¥12.90')
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(100)).toBe('¥1.00')
    expect(formatFen(123456789)).toBe('¥1234567.89')
    expect(formatFen(-500)).toBe('-¥5.00')
    expect(fenToYuan(1999)).toBe('19.99')
  })

  it('formats amounts that floats would round wrongly', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point; integer fen never meet it.
    expect(formatFen(29)).toBe('¥0.29')
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90071992547409.91')
  })

  it('refuses to format a non-integer amount', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError)
    expect(() => formatFen(NaN)).toThrow(RangeError)
  })

  it('multiplies a unit price by a quantity exactly', () => {
    expect(multiplyFen(1290, 3)).toBe(3870)
    expect(multiplyFen(0, 99)).toBe(0)
  })

  it('refuses a product that is not a safe integer', () => {
    expect(() => multiplyFen(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError)
    expect(() => multiplyFen(10.5, 2)).toThrow(RangeError)
    expect(() => multiplyFen(100, -1)).toThrow(RangeError)
    expect(() => multiplyFen(100, 1.5)).toThrow(RangeError)
  })

  it('sums amounts and refuses an unsafe sum', () => {
    expect(sumFen([100, 250, 5])).toBe(355)
    expect(sumFen([])).toBe(0)
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError)
    expect(() => sumFen([1, -1])).toThrow(RangeError)
  })
})
