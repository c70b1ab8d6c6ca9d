import { defineMessages } from '../i18n/text';

/**
 * Words several object editor pages share (rules, duplicates, assignment,
 * conversion, layout, list views), in both locales. An area spreads them into
 * its own messages, so its components keep one text function.
 */
export const commonMessages = defineMessages(
  {
    objectNotFound: 'There is no object "{object}" in the draft.',
    addRule: 'Add rule',
    rule: 'Rule {n}',
    name: 'Name',
    nameInvalid: 'Use lower-case letters, digits and _ (starting with a letter, at most 63 characters).',
    nameTaken: 'Another rule of this object already has this name.',
    active: 'Active',
    up: 'Move up',
    down: 'Move down',
    remove: 'Remove',
    labelEn: 'Label (English)',
    labelZh: 'Label (Chinese)',
    missingField: 'This field no longer exists',
  },
  {
    objectNotFound: '草稿中没有对象“{object}”。',
    addRule: '添加规则',
    rule: '规则 {n}',
    name: '名称',
    nameInvalid: '只能使用小写字母、数字和 _（以字母开头，最多 63 个字符）。',
    nameTaken: '此对象已有同名规则。',
    active: '启用',
    up: '上移',
    down: '下移',
    remove: '删除',
    labelEn: '标签（英文）',
    labelZh: '标签（中文）',
    missingField: '此字段已不存在',
  },
);
