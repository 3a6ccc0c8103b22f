/**
 * The simulated WeChat Pay sheet (h5 only): `pay.ts` opens it and waits for the person's choice;
 * `<PaySheet>` renders it from here.
 */
import { create } from 'zustand'

export interface PayRequest {
  orderId: string
  title: string
  amountFen: number
}

interface PaySheetState {
  request: PayRequest | null
  settle: ((confirmed: boolean) => void) | null
  /** Opens the sheet; resolves true on 确认支付, false on 取消. */
  open(request: PayRequest): Promise<boolean>
  choose(confirmed: boolean): void
}

export const usePaySheet = create<PaySheetState>()((set, get) => ({
  request: null,
  settle: null,
  open: (request) =>
    new Promise<boolean>((resolve) => {
      get().settle?.(false)
      set({ request, settle: resolve })
    }),
  choose: (confirmed) => {
    const { settle } = get()
    set({ request: null, settle: null })
    settle?.(confirmed)
  },
}))
