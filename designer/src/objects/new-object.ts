import type { RawLabel, RawObjectDef, SharingModel } from '../../../engine/shared/metadata-types';
import { autonumberSample } from '../fields/autonumber-sample';
import { objectNameProblem } from '../fields/names';
import type { NameFieldDef } from './name-field-editor';

/** What the "New object" form collects. */
export interface NewObjectInput {
  name: string;
  label?: RawLabel;
  pluralLabel?: RawLabel;
  sharing: SharingModel;
  nameField?: NameFieldDef;
}

/** A problem with the form, by the input it names; the page words it from `code`. */
export interface NewObjectProblem {
  path: '/name' | '/label' | '/nameField';
  code: 'INVALID_NAME' | 'RESERVED_WORD' | 'DUPLICATE_OBJECT' | 'LABEL_MISSING' | 'FORMAT_INVALID';
}

/** Checks before the object goes into the draft; `taken` are names published or in the draft (deleted ones too). */
export function newObjectProblems(input: NewObjectInput, taken: string[]): NewObjectProblem[] {
  const out: NewObjectProblem[] = [];
  const name = objectNameProblem(input.name, taken);
  if (name === 'INVALID_NAME' || name === 'RESERVED_WORD' || name === 'DUPLICATE_OBJECT') out.push({ path: '/name', code: name });
  if (!input.label) out.push({ path: '/label', code: 'LABEL_MISSING' });
  const nf = input.nameField;
  if (nf?.type === 'autonumber' && nf.format !== undefined && 'problem' in autonumberSample(nf.format, new Date())) out.push({ path: '/nameField', code: 'FORMAT_INVALID' });
  return out;
}

/** The object as it enters the draft: no fields yet. */
export function newObjectDef(input: NewObjectInput): RawObjectDef {
  return {
    name: input.name,
    label: input.label!,
    ...(input.pluralLabel ? { pluralLabel: input.pluralLabel } : {}),
    sharing: input.sharing,
    ...(input.nameField ? { nameField: input.nameField } : {}),
    fields: [],
  };
}
