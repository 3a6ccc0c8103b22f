import { fireEvent, render, screen } from '@testing-library/react'
import { BuySheet } from '@/components/buy-sheet'
import { clampQty, MAX_QTY } from '@/components/buy-sheet/utils'

const product = { title: '手冲咖啡豆', cover: '/files/coffee.jpg', priceFen: 4900, stock: 3 }

function renderSheet(stock: number, onConfirm = jest.fn()) {
  render(<BuySheet open product={{ ...product, stock }} onClose={jest.fn()} onConfirm={onConfirm} />)
  return {
    qty: () => document.querySelector('.stepper__value')!.textContent,
    plus: () => fireEvent.click(screen.getByLabelText('增加')),
    minus: () => fireEvent.click(screen.getByLabelText('减少')),
    onConfirm,
  }
}

describe('the buy-now sheet', () => {
  it('starts at one and does not go below one', () => {
    const sheet = renderSheet(3)
    expect(sheet.qty()).toBe('1')
    sheet.minus()
    expect(sheet.qty()).toBe('1')
  })

  it('does not let the quantity go above the stock', () => {
    const sheet = renderSheet(3)
    for (let i = 0; i < 5; i++) sheet.plus()
    expect(sheet.qty()).toBe('3')
  })

  it('orders the chosen quantity when 立即购买 is tapped', () => {
    const sheet = renderSheet(3)
    sheet.plus()
    fireEvent.click(screen.getByText('立即购买'))
    expect(sheet.onConfirm).toHaveBeenCalledWith(2)
  })

  it('shows the total for the chosen quantity', () => {
    const sheet = renderSheet(3)
    sheet.plus()
    expect(document.querySelector('.buy-sheet__row .price')!.textContent).toBe('¥98.00')
  })

  it('offers no purchase when nothing is left', () => {
    const sheet = renderSheet(0)
    const button = screen.getByText('已售罄')
    expect(button).toHaveProperty('disabled', true)
    fireEvent.click(button)
    expect(sheet.onConfirm).not.toHaveBeenCalled()
  })
})

describe('clampQty', () => {
  it('keeps a wanted quantity within 1..stock', () => {
    expect(clampQty(0, 5)).toBe(1)
    expect(clampQty(-3, 5)).toBe(1)
    expect(clampQty(7, 5)).toBe(5)
    expect(clampQty(3, 5)).toBe(3)
  })

  it('caps at the per-order maximum even with plenty of stock', () => {
    expect(clampQty(1000, 10_000)).toBe(MAX_QTY)
  })
})
