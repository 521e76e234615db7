import type { Locale } from '@academy/core';
import { en, type Messages } from './en';
import { ru } from './ru';

export type { Messages };
export const messages: Record<Locale, Messages> = { en, ru };
