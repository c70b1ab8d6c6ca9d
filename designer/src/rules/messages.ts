import { defineMessages } from '../i18n/text';
import { commonMessages } from '../shell/common-messages';

/** The validation rules page, in both locales. */
export const rulesMessages = defineMessages(
  {
    ...commonMessages.en,
    title: 'Validation rules',
    intro: 'Each rule is a condition on the record. When it is true, the save is refused and the message is shown (next to the error field, if one is chosen).',
    none: 'This object has no validation rules yet.',
    condition: 'Condition',
    conditionHelp: 'When this is true, the save is refused.',
    message: 'Message shown to the user',
    messageEn: 'English',
    messageZh: 'Chinese (简体中文)',
    messageMissing: 'Write the message in both languages.',
    errorField: 'Show the message at',
    errorFieldNone: '— the whole record —',
  },
  {
    ...commonMessages['zh-CN'],
    title: '验证规则',
    intro: '每条规则是针对记录的一个条件。条件为真时，保存会被拒绝并显示提示信息（若选择了出错字段，则显示在该字段旁）。',
    none: '此对象还没有验证规则。',
    condition: '条件',
    conditionHelp: '条件为真时，保存会被拒绝。',
    message: '向用户显示的提示',
    messageEn: '英文',
    messageZh: '中文（简体）',
    messageMissing: '请用两种语言填写提示信息。',
    errorField: '提示显示在',
    errorFieldNone: '— 整条记录 —',
  },
);
