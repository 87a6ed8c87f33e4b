// An offer's terms as people read them (the coordinator's panel, the applicant's email and phone page).
import { dayInWords } from './calendar';
import { moneyInWords, type PayPolicy } from './pay';

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

export interface OfferInWords {
  startDayInWords: string;
  stipendInWords?: string;
  /** `10 hours a week from Monday, February 1, 2027, with a stipend of 1500.00 USD a month`. */
  termsInWords: string;
}

/** An offer as the API answers it: its terms, the stipend also in minor units with its currency, and in words. */
export function offerView<T extends OfferTerms>(
  offer: T,
  currency: string,
): T & OfferInWords & { currency: string; stipendMinor?: number } {
  return {
    ...offer,
    currency,
    ...(offer.stipend !== undefined ? { stipendMinor: Math.round(offer.stipend * 100) } : {}),
    ...offerInWords(offer, currency),
  };
}

export function offerInWords(offer: OfferTerms, currency: string): OfferInWords {
  const startDayInWords = dayInWords(offer.startDate);
  const stipendInWords =
    offer.stipend !== undefined ? `${moneyInWords(Math.round(offer.stipend * 100), currency)} a month` : undefined;
  return {
    startDayInWords,
    ...(stipendInWords ? { stipendInWords } : {}),
    termsInWords: `${offer.hoursPerWeek} hours a week from ${startDayInWords}${stipendInWords ? `, with a stipend of ${stipendInWords}` : ''}`,
  };
}
