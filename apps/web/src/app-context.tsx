import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client';
import type { LearnerUser } from './api/types';
import type { Navigation } from './router';

export interface AppContextValue {
  api: ApiClient;
  user: LearnerUser;
  navigation: Navigation;
  /** Telegram's native BackButton/MainButton are in use (the page hides its own). */
  nativeButtons: boolean;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}
