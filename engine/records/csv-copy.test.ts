import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv-copy';

describe('COPY csv encoding', () => {
  it('writes NULL as an empty unquoted field and empty strings quoted', () => {
    expect(csvLine([null, '', undefined])).toBe(',"",\n');
  });

  it('quotes text, doubling quotes, keeping commas and newlines inside', () => {
    expect(csvField('He said "hi", then\nleft')).toBe('"He said ""hi"", then\nleft"');
    expect(csvField('深圳华信科技有限公司')).toBe('"深圳华信科技有限公司"');
  });

  it('writes booleans, numbers and arrays as PostgreSQL reads them', () => {
    expect(csvLine([true, false, 12.5])).toBe('t,f,12.5\n');
    expect(csvField(['a', 'b "c"', 'd\\e'])).toBe('"{""a"",""b \\""c\\"""",""d\\\\e""}"');
  });
});
