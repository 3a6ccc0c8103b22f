/** The admin function's HTTP address, fixed at build time (`ADMIN_API_URL`, default `/cloud/admin`). */
declare const __ADMIN_API__: string
