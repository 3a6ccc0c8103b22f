import { render } from '@testing-library/react'
import { Price } from '@/components/price'

describe('Price', () => {
  it('shows an amount of fen as yuan with two decimals', () => {
    const { container } = render(<Price fen={1290} />)
    expect(container.textContent).toBe('¥12.90')
  })

  it('shows whole yuan and single fen without rounding', () => {
    expect(render(<Price fen={100} />).container.textContent).toBe('¥1.00')
    expect(render(<Price fen={1} />).container.textContent).toBe('¥0.01')
    expect(render(<Price fen={0} />).container.textContent).toBe('¥0.00')
  })

  it('shows a struck-through list price as one piece of text', () => {
    const { container } = render(<Price fen={19900} strike />)
    expect(container.textContent).toBe('¥199.00')
    expect(container.querySelector('.price--strike')).not.toBeNull()
  })
})
