import { useEffect, useMemo, useRef, useState } from 'react';
import type { RuleType } from '../../../engine/shared/rules/catalogue';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { CheckPanel } from './check-panel';
import { GroupEditor, numberNodes } from './condition-editor';
import { ExprEditor } from './expr-editor';
import { sameJson } from './expr-model';
import { ruleMessages } from './messages';
import { fromRule, toRule, type RuleTree } from './rule-model';
import { RuleTester } from './rule-tester';
import './rule-builder.css';

/** What the rule editor edits: a condition (true/false) or an expression giving a value. */
export interface RuleEditorProps {
  /** The object whose fields the rule reads (through lookups too), as the draft has it. */
  object: string;
  value: unknown;
  /** Called with the new json-logic (undefined when cleared). */
  onChange(rule: unknown): void;
  /** The types the rule must give (e.g. ['boolean'] for conditions, ['number'] for a number formula). */
  expect?: RuleType[];
  /** Whether $user and $now may be used (not in formulas). */
  allowContext?: boolean;
  mode: 'condition' | 'expression';
  /** The server's issues for this rule (paths relative to the rule). */
  issues?: DraftIssue[];
  /** data-testid prefix, when a page holds several editors. */
  testId?: string;
}

const pretty = (rule: unknown) => (rule === undefined ? '' : JSON.stringify(rule, null, 2));

/**
 * The json-logic builder: a Visual tab (condition tree or expression tree)
 * and a Raw JSON tab kept in sync, the rule checked live against the draft's
 * fields, and a test against a record with the shared interpreter. A rule the
 * visual form cannot show is never rewritten: the visual tab turns read-only.
 */
export function RuleEditor(p: RuleEditorProps) {
  const t = useText(ruleMessages);
  const tid = p.testId ?? 'rule';
  const allowContext = p.allowContext ?? false;
  const [tree, setTree] = useState<RuleTree | undefined>(() => fromRule(p.value, p.mode));
  const [tab, setTab] = useState<'visual' | 'raw'>(() => (tree ? 'visual' : 'raw'));
  const [rawText, setRawText] = useState(() => pretty(p.value));
  const [rawError, setRawError] = useState<string>();
  // The rule this editor last reported: a `value` equal to it is our own echo, anything else came from outside.
  const emitted = useRef<unknown>(p.value);

  useEffect(() => {
    if (sameJson(p.value, emitted.current)) return;
    emitted.current = p.value;
    setTree(fromRule(p.value, p.mode));
    setRawText(pretty(p.value));
    setRawError(undefined);
  }, [p.value, p.mode]);

  const emit = (rule: unknown) => {
    emitted.current = rule;
    p.onChange(rule);
  };
  const editVisual = (next: RuleTree) => {
    setTree(next);
    const rule = toRule(next);
    setRawText(pretty(rule));
    setRawError(undefined);
    emit(rule);
  };
  const editRaw = (text: string) => {
    setRawText(text);
    let rule: unknown;
    try {
      rule = text.trim() === '' ? undefined : JSON.parse(text);
    } catch (e) {
      setRawError(e instanceof Error ? e.message : String(e));
      return;
    }
    setRawError(undefined);
    setTree(fromRule(rule, p.mode));
    emit(rule);
  };

  const numbers = useMemo(() => (tree?.mode === 'condition' ? numberNodes(tree.root) : new Map()), [tree]);
  return (
    <div className="rule-editor" data-testid={tid}>
      <div className="rule-tabs" role="tablist">
        {(['visual', 'raw'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} data-testid={`${tid}-tab-${k}`} onClick={() => setTab(k)}>
            {t(k === 'visual' ? 'tabVisual' : 'tabRaw')}
          </button>
        ))}
      </div>
      {tab === 'visual' && !tree && (
        <div className="rule-unsupported">
          <p className="notice" data-testid={`${tid}-unsupported`}>
            {t('unsupported')}
          </p>
          <pre>{pretty(emitted.current)}</pre>
        </div>
      )}
      {tab === 'visual' && tree?.mode === 'condition' && <GroupEditor node={tree.root} onChange={(root) => editVisual({ mode: 'condition', root })} ctx={{ object: p.object, allowContext, tid, numbers }} />}
      {tab === 'visual' && tree?.mode === 'expression' && (
        <div className="rule-expression">
          {!tree.root && <p className="rule-empty">{t('emptyExpression')}</p>}
          <ExprEditor node={tree.root} onChange={(root) => editVisual({ mode: 'expression', root })} object={p.object} allowContext={allowContext} expect={p.expect ?? ['any']} tid={`${tid}-expr`} />
        </div>
      )}
      {tab === 'raw' && (
        <div className="rule-raw">
          <textarea data-testid={`${tid}-raw`} aria-label={t('rawLabel')} rows={Math.min(24, Math.max(6, rawText.split('\n').length + 1))} spellCheck={false} value={rawText} onChange={(e) => editRaw(e.target.value)} />
          {rawError && (
            <p className="issue" role="alert" data-testid={`${tid}-raw-error`}>
              {t('rawInvalid', { message: rawError })}
            </p>
          )}
        </div>
      )}
      <CheckPanel object={p.object} rule={emitted.current} allowContext={allowContext} {...(p.expect ? { expect: p.expect } : {})} issues={p.issues ?? []} tid={tid} />
      <RuleTester object={p.object} rule={emitted.current} mode={p.mode} tid={tid} />
    </div>
  );
}
