export { widgets, widgetNameFor, WIDGET_FOR_TYPE, type WidgetName } from './registry';
export { clearDisallowedDependents, picklistChoices, allowedValues } from './picklist-options';
export { displayValue, formatByKind } from './display-value';
