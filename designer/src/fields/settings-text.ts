import type { Locale } from '../../../runtime-ui/src/i18n/i18n';

/**
 * Names of the core types' settings and of their choices in both locales. A
 * plugin's setting without an entry shows its schema `title`, else its name.
 */
const NAMES: Record<Locale, Record<string, string>> = {
  en: {
    maxLength: 'Maximum length',
    precision: 'Precision (total digits)',
    scale: 'Scale (digits after the point)',
    min: 'Minimum',
    max: 'Maximum',
    target: 'Target object',
    onDelete: 'When the target record is deleted',
    format: 'Format',
    expression: 'Expression',
    returns: 'Result type',
    relation: 'Child records',
    function: 'Function',
    field: 'Child field',
    filter: 'Only child records where',
    values: 'Values',
    valueSet: 'Shared value set',
    controllingField: 'Controlling field',
    dependencies: 'Allowed values per controlling value',
    value: 'API value',
    label: 'Label',
    active: 'Active',
    probability: 'Probability (%)',
    color: 'Colour',
  },
  'zh-CN': {
    maxLength: '最大长度',
    precision: '精度（总位数）',
    scale: '小数位数',
    min: '最小值',
    max: '最大值',
    target: '目标对象',
    onDelete: '目标记录被删除时',
    format: '格式',
    expression: '表达式',
    returns: '结果类型',
    relation: '子记录',
    function: '函数',
    field: '子字段',
    filter: '仅统计满足条件的子记录',
    values: '选项值',
    valueSet: '共享选项集',
    controllingField: '控制字段',
    dependencies: '各控制值允许的选项',
    value: 'API 值',
    label: '标签',
    active: '启用',
    probability: '可能性（%）',
    color: '颜色',
  },
};

const VALUES: Record<Locale, Record<string, string>> = {
  en: {
    restrict: 'Restrict',
    setNull: 'Clear the link',
    cascade: 'Delete these records too',
    count: 'Count',
    sum: 'Sum',
    min: 'Minimum',
    max: 'Maximum',
    avg: 'Average',
    number: 'Number',
    string: 'Text',
    boolean: 'Yes/No',
    date: 'Date',
    datetime: 'Date and time',
  },
  'zh-CN': {
    restrict: '禁止删除',
    setNull: '清空关联',
    cascade: '一并删除这些记录',
    count: '计数',
    sum: '求和',
    min: '最小值',
    max: '最大值',
    avg: '平均值',
    number: '数字',
    string: '文本',
    boolean: '是/否',
    date: '日期',
    datetime: '日期时间',
  },
};

/** A setting's name for people: known core names translated, else the schema's title, else the property name. */
export const settingName = (locale: Locale, name: string, title?: unknown): string => NAMES[locale][name] ?? (typeof title === 'string' ? title : name);

/** A choice's name for people (enum values of core settings); anything else as written. */
export const choiceName = (locale: Locale, value: unknown): string => (typeof value === 'string' ? (VALUES[locale][value] ?? value) : JSON.stringify(value));

const TYPES: Record<Locale, Record<string, string>> = {
  en: {
    text: 'Text',
    textarea: 'Long text',
    integer: 'Whole number',
    number: 'Number',
    currency: 'Currency',
    percent: 'Percent',
    boolean: 'Checkbox (yes/no)',
    date: 'Date',
    datetime: 'Date and time',
    email: 'Email',
    phone: 'Phone',
    url: 'URL',
    picklist: 'Picklist',
    multipicklist: 'Multi-select picklist',
    lookup: 'Lookup (link to a record)',
    autonumber: 'Auto number',
    formula: 'Formula',
    rollup: 'Roll-up summary',
  },
  'zh-CN': {
    text: '文本',
    textarea: '长文本',
    integer: '整数',
    number: '数字',
    currency: '货币',
    percent: '百分比',
    boolean: '复选框（是/否）',
    date: '日期',
    datetime: '日期时间',
    email: '电子邮件',
    phone: '电话',
    url: '网址',
    picklist: '选项列表',
    multipicklist: '多选列表',
    lookup: '查找（关联记录）',
    autonumber: '自动编号',
    formula: '公式',
    rollup: '汇总',
  },
};

/** A field type's name for people; a plugin's type shows its API name. */
export const typeName = (locale: Locale, type: string): string => TYPES[locale][type] ?? type;
