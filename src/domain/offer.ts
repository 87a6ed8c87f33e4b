// An offer's terms and its currency (in words: src/words/offer.ts).
import type { PayPolicy } from './pay';

export interface OfferTerms {
  hoursPerWeek: number;
  /** The local day the work starts (YYYY-MM-DD). */
  startDate: string;
  /** Per month, in the currency's major unit (1500 is 1,500 dollars). */
  stipend?: number;
}

/** An offer's stipend is in the program's pay currency (USD for a program that pays nothing through the product). */
export function offerCurrency(policy: { pay?: PayPolicy | null }): string {
  return policy.pay?.currency ?? 'USD';
}
