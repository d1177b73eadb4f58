/**
 * The CodeMirror 6 editor for Cypher: syntax highlighting (colours are CSS custom properties, so
 * the page's light and dark themes apply), completion, undo history, Ctrl/Cmd+Enter runs.
 * Tab is left to the page (focus moves on), so the editor is no keyboard trap.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { cypherCompletion, type SchemaSource } from './completion.js';

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--cm-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--cm-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--cm-number)' },
  { tag: tags.comment, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.atom, tags.labelName, tags.typeName], color: 'var(--cm-label)' },
  { tag: [tags.standard(tags.variableName), tags.function(tags.variableName)], color: 'var(--cm-function)' },
  { tag: [tags.definition(tags.variableName), tags.operatorKeyword], color: 'var(--cm-keyword)' },
  { tag: tags.variableName, color: 'var(--text)' },
  { tag: tags.punctuation, color: 'var(--muted)' },
]);

const theme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--bg)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    fontSize: '0.9rem',
    maxHeight: '16rem',
  },
  '.cm-scroller': { overflow: 'auto' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-content': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
    caretColor: 'var(--text)',
    minHeight: '4.5em',
  },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--cm-selection)',
  },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--cm-selection)', outline: '1px solid var(--border)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--panel)' },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.75', marginLeft: '0.6em' },
});

export interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  /** The editor's accessible name (ids outside the shadow root cannot label it). */
  label: string;
  completion: SchemaSource;
  onRun(): void;
}

export function createEditor(options: EditorOptions): EditorView {
  const run = () => {
    options.onRun();
    return true;
  };
  const attributes: Record<string, string> = { 'aria-label': options.label, 'aria-multiline': 'true' };
  // The editor lives in a shadow root: CodeMirror then adds its styles as a constructed style
  // sheet (adoptedStyleSheets) instead of a <style> element, which the page's CSP (style-src
  // 'self', no 'unsafe-inline') would block. The page's CSS custom properties still inherit.
  const root = options.parent.attachShadow({ mode: 'open' });
  return new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
        lineNumbers(),
        history(),
        closeBrackets(),
        bracketMatching(),
        StreamLanguage.define(cypher),
        syntaxHighlighting(highlight),
        autocompletion({ override: [cypherCompletion(options.completion)], icons: false }),
        keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
        placeholder('MATCH (n) RETURN n LIMIT 25'),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(attributes),
        theme,
      ],
    }),
  });
}

export function setDoc(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
