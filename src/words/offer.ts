// An offer's terms as people read them (the coordinator's panel, the applicant's email and phone page).
import { dayInWords } from '../domain/calendar';
import type { OfferTerms } from '../domain/offer';
import { moneyInWords } from '../domain/pay';
import { defaultLanguage, locales, type MemberLanguage } from '../domain/languages';
import { say } from './say';

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
  lng: MemberLanguage = defaultLanguage,
): T & OfferInWords & { currency: string; stipendMinor?: number } {
  return {
    ...offer,
    currency,
    ...(offer.stipend !== undefined ? { stipendMinor: Math.round(offer.stipend * 100) } : {}),
    ...offerInWords(offer, currency, lng),
  };
}

export function offerInWords(offer: OfferTerms, currency: string, lng: MemberLanguage = defaultLanguage): OfferInWords {
  const startDayInWords = dayInWords(offer.startDate, locales[lng]);
  const stipendInWords =
    offer.stipend !== undefined
      ? say('offer.stipend', { money: moneyInWords(Math.round(offer.stipend * 100), currency) }, lng)
      : undefined;
  const terms = { hours: offer.hoursPerWeek, start: startDayInWords };
  return {
    startDayInWords,
    ...(stipendInWords ? { stipendInWords } : {}),
    termsInWords: stipendInWords
      ? say('offer.termsWithStipend', { ...terms, stipend: stipendInWords }, lng)
      : say('offer.terms', terms, lng),
  };
}
