import type { Issue } from '../core/errors';
import { escapeHtml as e } from './html-escape';

const STYLE = 'body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}h1{font-size:1.4rem}.code{color:#7b8794;font-size:.8rem}';

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${e(title)}</title><style>${STYLE}</style></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** What a browser sees after a submission without a success address (and after one caught by the honeypot). */
export const thankYouPage = (): string =>
  page('谢谢 · Thank you', '<h1 lang="zh-CN">谢谢！我们已收到您的信息，会尽快与您联系。</h1>\n<h1 lang="en">Thank you! We have received your details and will be in touch soon.</h1>');

/** What the submitter is told, per refusal, in both languages: nothing about the organisation's data. */
const EXPLAIN: Record<string, [string, string]> = {
  WEB_FORM_NOT_FOUND: ['此表单不存在或已停用。', 'This form does not exist or is no longer accepting submissions.'],
  WEB_FORM_KEY_INVALID: ['此表单的配置有误（密钥无效），请联系网站管理员。', 'This form is misconfigured (its key is not valid). Please tell the site owner.'],
  WEB_FORM_RATE_LIMITED: ['提交过于频繁，请稍后再试。', 'Too many submissions. Please try again later.'],
  RECORD_VALIDATION_FAILED: ['有些内容需要修改，请返回上一页更正后重新提交：', 'Some answers need correcting. Please go back, correct them and submit again:'],
  RECORD_RULE_VIOLATION: ['有些内容需要修改，请返回上一页更正后重新提交：', 'Some answers need correcting. Please go back, correct them and submit again:'],
  DUPLICATE: ['我们已经有您的信息，谢谢！我们会与您联系。', 'We already have your details. Thank you, we will be in touch.'],
};
const FALLBACK: [string, string] = ['抱歉，您的提交未能处理，请稍后再试。', 'Sorry, your submission could not be processed. Please try again later.'];

/** A refusal as a small bilingual page: what to do, the problems by field label, and the code for the site owner. */
export function errorPage(code: string, explainAs: string, issues: Issue[], labelOf: (path: string) => string): string {
  const [zh, en] = EXPLAIN[explainAs] ?? FALLBACK;
  const list = issues.length ? `<ul>\n${issues.map((i) => `<li><strong>${e(labelOf(i.path))}</strong>: ${e(i.message)}</li>`).join('\n')}\n</ul>\n` : '';
  return page('提交未成功 · Not submitted', `<h1 lang="zh-CN">${e(zh)}</h1>\n<h1 lang="en">${e(en)}</h1>\n${list}<p class="code">${e(code)}</p>`);
}
