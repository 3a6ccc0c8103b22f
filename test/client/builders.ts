import type { FlashSaleDetail, MemberGroupView, OrderView, PriceDayOfferView, ProductCard } from '@core/contract'

const AT = Date.UTC(2026, 10, 18, 2, 0, 0)

export function makeOrder(overrides: Partial<OrderView> = {}): OrderView {
  return {
    _id: 'ord_1',
    productId: 'p1',
    title: '手冲咖啡豆',
    image: '/files/coffee.jpg',
    qty: 2,
    listPriceFen: 4900,
    unitPriceFen: 4900,
    totalFen: 9800,
    priceSource: 'list',
    status: 'pending',
    createdAt: AT,
    expireAt: AT + 15 * 60 * 1000,
    updatedAt: AT,
    ...overrides,
  }
}

export function makeGroup(overrides: Partial<MemberGroupView> = {}): MemberGroupView {
  return { opengid: 'G-demo-core', name: '咖啡核心群', tier: 'core', since: AT, ...overrides }
}

export function makeProductCard(overrides: Partial<ProductCard> = {}): ProductCard {
  return {
    _id: 'p-coffee-beans',
    title: '云南小粒咖啡豆 250g',
    subtitle: '中深烘焙',
    cover: '/files/seed/coffee-beans.svg',
    priceFen: 6800,
    listPriceFen: 6800,
    stock: 120,
    soldOut: false,
    ...overrides,
  }
}

/** A price-day offer on a card; eligible members pay `memberPriceFen`. */
export function makeOffer(overrides: Partial<PriceDayOfferView> = {}): PriceDayOfferView {
  return {
    priceDayId: 'pd_1',
    title: '周三群友价日',
    memberPriceFen: 4900,
    limitPerMember: 2,
    tiers: ['core'],
    eligible: true,
    endAt: AT + 12 * 3600 * 1000,
    ...overrides,
  }
}

export function makeSale(overrides: Partial<FlashSaleDetail> = {}): FlashSaleDetail {
  return {
    _id: 'fs_1',
    productId: 'p-thermos',
    title: '保温杯限量秒杀',
    cover: '/files/seed/thermos.svg',
    flashPriceFen: 5900,
    listPriceFen: 11900,
    quantity: 100,
    left: 40,
    perMemberLimit: 2,
    tiers: [],
    startAt: AT,
    endAt: AT + 3600 * 1000,
    state: 'running',
    button: 'buy',
    bought: 0,
    reminded: false,
    subtitle: '12 小时保温',
    images: ['/files/seed/thermos.svg'],
    detail: '316 不锈钢内胆',
    ...overrides,
  }
}
