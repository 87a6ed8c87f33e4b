/** Who a signed-in person is in the product (docs/api.md): what they may read and do follows from it. */
export const roles = ['admin', 'national', 'coordinator', 'organizer'] as const;
export type Role = (typeof roles)[number];
