/** Weekday names, 0 = Sunday as in `PriceDayRule`. */
export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

export const WEEKDAY_OPTIONS = WEEKDAY_NAMES.map((label, value) => ({ value, label }))
