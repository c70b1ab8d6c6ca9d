import { describe, expect, it } from 'vitest';
import { isBlankLabel, labelText, withLabelText } from './label-text';

describe('labelText', () => {
  it('reads one locale of a per-locale label', () => {
    expect(labelText({ en: 'Deal', 'zh-CN': '商机' }, 'zh-CN')).toBe('商机');
    expect(labelText({ en: 'Deal' }, 'zh-CN')).toBe('');
    expect(labelText(undefined, 'en')).toBe('');
  });

  it('reads a plain string as English only, or as every locale', () => {
    expect(labelText('Deal', 'en')).toBe('Deal');
    expect(labelText('Deal', 'zh-CN')).toBe('');
    expect(labelText('Deal', 'zh-CN', 'every-locale')).toBe('Deal');
  });
});

describe('withLabelText', () => {
  it('writes {en, zh-CN}, expanding a plain string as read', () => {
    expect(withLabelText('Won', 'zh-CN', '赢单')).toEqual({ en: 'Won', 'zh-CN': '赢单' });
    expect(withLabelText('Main', 'en', 'Mainly')).toEqual({ en: 'Mainly' });
    expect(withLabelText('Main', 'en', 'Mainly', 'every-locale')).toEqual({ en: 'Mainly', 'zh-CN': 'Main' });
  });

  it('leaves blank locales out and keeps the text as typed', () => {
    expect(withLabelText({ en: 'New', 'zh-CN': '新建' }, 'zh-CN', '')).toEqual({ en: 'New' });
    expect(withLabelText({ en: 'New' }, 'zh-CN', '  ')).toEqual({ en: 'New' });
    expect(withLabelText(undefined, 'en', 'Close ')).toEqual({ en: 'Close ' });
  });

  it('is {} when no text is left', () => {
    expect(withLabelText({ en: 'New' }, 'en', '')).toEqual({});
    expect(withLabelText(undefined, 'zh-CN', ' ')).toEqual({});
  });
});

describe('isBlankLabel', () => {
  it('is true only when no locale has text', () => {
    expect(isBlankLabel(undefined)).toBe(true);
    expect(isBlankLabel('')).toBe(true);
    expect(isBlankLabel({})).toBe(true);
    expect(isBlankLabel({ en: ' ', 'zh-CN': '' })).toBe(true);
    expect(isBlankLabel('Deal')).toBe(false);
    expect(isBlankLabel({ 'zh-CN': '商机' })).toBe(false);
  });
});
