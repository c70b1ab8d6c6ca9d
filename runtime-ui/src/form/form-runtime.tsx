import { createContext, useContext } from 'react';
import type { FieldDef } from '../api/describe';
import { EMPTY_LIVE, type LiveState } from './live-rules';
import type { FormMode, FormSection } from './form-types';

/**
 * What the form's templates and widgets read besides their own value: the
 * whole record as typed (dependent picklists read their controlling field),
 * the rules' live verdicts, and the errors to show. Provided by RecordForm;
 * the defaults let a widget render on its own (component tests, other forms).
 */
export interface FormRuntime {
  mode: FormMode;
  /** The record as typed, with the stored values of fields the form does not edit. */
  values: Record<string, unknown>;
  /** Every readable field by name (a dependent picklist names its controlling field's label). */
  defs: Map<string, FieldDef>;
  sections: FormSection[];
  live: LiveState;
  /** Errors to show, by field. */
  errors: Record<string, string[]>;
  /** Required now: statically or by requiredWhen. */
  required: Set<string>;
}

export const DEFAULT_RUNTIME: FormRuntime = { mode: 'create', values: {}, defs: new Map(), sections: [], live: EMPTY_LIVE, errors: {}, required: new Set() };

const Ctx = createContext<FormRuntime>(DEFAULT_RUNTIME);

export const FormRuntimeProvider = Ctx.Provider;

export function useFormRuntime(): FormRuntime {
  return useContext(Ctx);
}
