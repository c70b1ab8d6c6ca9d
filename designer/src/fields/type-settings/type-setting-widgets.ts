import type { SettingWidget } from '../settings-form';
import { AutonumberFormat } from './autonumber-settings';
import { FormulaExpression } from './formula-settings';
import { LookupOnDelete, LookupTarget } from './lookup-settings';
import { Hidden, PicklistDependency, PicklistValues } from './picklist-settings';
import { RollupField, RollupFilter, RollupRelation } from './rollup-settings';

const PICKLIST: Record<string, SettingWidget> = { values: PicklistValues, valueSet: Hidden, controllingField: PicklistDependency, dependencies: Hidden };

/** Specialised editors for the core types' settings, by type then property; every other setting gets a generated control. */
export const TYPE_SETTING_WIDGETS: Record<string, Record<string, SettingWidget>> = {
  picklist: PICKLIST,
  multipicklist: PICKLIST,
  lookup: { target: LookupTarget, onDelete: LookupOnDelete },
  autonumber: { format: AutonumberFormat },
  formula: { expression: FormulaExpression },
  rollup: { relation: RollupRelation, field: RollupField, filter: RollupFilter },
};
