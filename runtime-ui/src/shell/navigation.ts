import type { Label } from '../i18n/i18n';

/** An object the user may read, for the navigation (GET /metadata/navigation). */
export interface NavigationEntry {
  name: string;
  label: Label;
  pluralLabel: Label;
  create: boolean;
}
