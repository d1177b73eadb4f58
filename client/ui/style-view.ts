/**
 * The Style tab (as Neo4j Browser's style panel and Bloom's rule-based styling): colour nodes by any
 * attribute (its own legend), choose per label which property is the caption, and add rules that
 * colour or size the nodes of a label, or those whose property meets a condition; per relationship
 * type, a colour and a width, optionally scaled by a numeric property (as Bloom and Gephi Lite).
 * Rules apply in order; all of it is saved with the view (link, saved views). Reads the graph,
 * changes only the state.
 */
import type { ExplorerGraph } from '../graph/dataset.js';
import { describeRelationshipStyle } from '../graph/edge-styles.js';
import { numberOf, offeredKeys } from '../graph/property-values.js';
import { describeRule } from '../graph/style-rules.js';
import type { Appearance } from '../state/appearance.js';
import { CONDITION_OPS, OP_NAMES, type ConditionOp } from '../state/conditions.js';
import { EDGE_WIDTHS, SIZE_FACTORS, type StyleRule, type StyleRules } from '../state/style-rules.js';
import { clear, el } from './dom.js';

/** The property sets of the nodes on the canvas, by label. */
function propertiesByLabel(graph: ExplorerGraph): Map<string, Array<Record<string, unknown>>> {
  const byLabel = new Map<string, Array<Record<string, unknown>>>();
  graph.forEachNode((_id, attributes) => {
    const list = byLabel.get(attributes.nodeLabel) ?? [];
    list.push(attributes.properties);
    byLabel.set(attributes.nodeLabel, list);
  });
  return byLabel;
}

/** The property sets of the relationships on the canvas, by type. */
function propertiesByType(graph: ExplorerGraph): Map<string, Array<Record<string, unknown>>> {
  const byType = new Map<string, Array<Record<string, unknown>>>();
  graph.forEachEdge((_id, attributes) => {
    const list = byType.get(attributes.relType) ?? [];
    list.push(attributes.properties ?? {});
    byType.set(attributes.relType, list);
  });
  return byType;
}

/** The keys with a number in at least one of these property sets: what a width can be scaled by. */
function numericKeys(propertySets: Array<Record<string, unknown>>): string[] {
  return offeredKeys(propertySets).filter((key) =>
    propertySets.some((properties) => numberOf(properties[key]) !== null),
  );
}

function field(id: string, text: string, control: HTMLElement): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: id }, text), control);
}

function selectOf(id: string, options: Array<[string, string]>, value: string): HTMLSelectElement {
  const select = el('select', { id });
  for (const [optionValue, text] of options) select.append(el('option', { value: optionValue }, text));
  select.value = options.some(([v]) => v === value) ? value : (options[0]?.[0] ?? '');
  return select;
}

export class StyleView {
  constructor(
    private readonly container: HTMLElement,
    private readonly graph: ExplorerGraph,
    private readonly appearance: Appearance,
    private readonly style: StyleRules,
  ) {}

  render(): void {
    const focused = document.activeElement?.id;
    const kept = this.formValues();
    clear(this.container);
    const byLabel = propertiesByLabel(this.graph);
    const allKeys = offeredKeys([...byLabel.values()].flat());
    this.container.append(
      this.colourByAttribute(allKeys),
      this.captions(byLabel),
      this.ruleForm(byLabel, allKeys, kept),
      this.ruleList(),
      this.relationshipForm(propertiesByType(this.graph), kept),
      this.relationshipList(),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  private colourByAttribute(keys: string[]): HTMLElement {
    const { colorMode, colorAttribute } = this.appearance.current;
    const current = colorMode === 'attribute' && colorAttribute ? colorAttribute : '';
    const select = selectOf(
      'style-color-attribute',
      [['', 'None (label or community)'], ...keys.map((k) => [k, k] as [string, string])],
      current,
    );
    select.addEventListener('change', () =>
      this.appearance.set(
        select.value === ''
          ? { colorMode: 'label', colorAttribute: null }
          : { colorMode: 'attribute', colorAttribute: select.value },
      ),
    );
    return el(
      'section',
      { class: 'style-section' },
      field('style-color-attribute', 'Colour nodes by attribute', select),
    );
  }

  private captions(byLabel: Map<string, Array<Record<string, unknown>>>): HTMLElement {
    const section = el('section', { class: 'style-section' }, el('h2', { class: 'tool-heading' }, 'Caption'));
    for (const [label, propertySets] of [...byLabel.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const id = `style-caption-${label}`;
      const keys = offeredKeys(propertySets);
      const select = selectOf(
        id,
        [['', 'Default'], ...keys.map((k) => [k, k] as [string, string])],
        this.style.current.captions[label] ?? '',
      );
      select.addEventListener('change', () => this.style.setCaption(label, select.value));
      section.append(field(id, label, select));
    }
    return section;
  }

  /** What the rule form held before a render (the canvas changes while the user fills it). */
  private formValues(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const control of this.container.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-rule-field]'))
      values[control.id] = control.value;
    return values;
  }

  private ruleForm(
    byLabel: Map<string, Array<Record<string, unknown>>>,
    allKeys: string[],
    kept: Record<string, string>,
  ): HTMLElement {
    const labels = [...byLabel.keys()].sort();
    const label = selectOf(
      'rule-label',
      [['', 'Any label'], ...labels.map((l) => [l, l] as [string, string])],
      kept['rule-label'] ?? '',
    );
    const keys = label.value === '' ? allKeys : offeredKeys(byLabel.get(label.value) ?? []);
    const key = selectOf(
      'rule-key',
      [['', 'Every node'], ...keys.map((k) => [k, k] as [string, string])],
      kept['rule-key'] ?? '',
    );
    const op = selectOf(
      'rule-op',
      CONDITION_OPS.map((o) => [o, OP_NAMES[o]]),
      kept['rule-op'] ?? 'equals',
    );
    const value = el('input', { id: 'rule-value', type: 'text', autocomplete: 'off' });
    value.value = kept['rule-value'] ?? '';
    const color = el('input', { id: 'rule-color', type: 'color' });
    color.value = kept['rule-color'] ?? '#d62728';
    const useColor = selectOf(
      'rule-use-color',
      [
        ['yes', 'Set colour'],
        ['no', 'Keep colour'],
      ],
      kept['rule-use-color'] ?? 'yes',
    );
    const size = selectOf(
      'rule-size',
      [['', 'Keep size'], ...SIZE_FACTORS.map((f) => [String(f), `×${f}`] as [string, string])],
      kept['rule-size'] ?? '',
    );
    for (const control of [label, key, op, value, color, useColor, size]) control.dataset.ruleField = '';
    label.addEventListener('change', () => this.render());
    const add = el('button', { type: 'button', id: 'rule-add' }, 'Add rule');
    const error = el('p', { class: 'console-error', role: 'alert', id: 'rule-error' });
    add.addEventListener('click', () => {
      const rule: StyleRule = {
        label: label.value,
        when: key.value === '' ? null : { key: key.value, op: op.value as ConditionOp, value: value.value.trim() },
        color: useColor.value === 'yes' ? color.value : null,
        size: size.value === '' ? null : Number(size.value),
      };
      if (rule.color === null && rule.size === null) {
        error.textContent = 'A rule sets a colour, a size or both.';
        return;
      }
      error.textContent = '';
      this.style.add(rule);
    });
    return el(
      'section',
      { class: 'style-section', 'aria-labelledby': 'rule-heading' },
      el('h2', { class: 'tool-heading', id: 'rule-heading' }, 'Add a style rule'),
      field('rule-label', 'Nodes', label),
      field('rule-key', 'Where property', key),
      field('rule-op', 'Condition', op),
      field('rule-value', 'Value', value),
      field('rule-use-color', 'Colour', useColor),
      field('rule-color', 'Colour to set', color),
      field('rule-size', 'Size', size),
      add,
      error,
    );
  }

  private ruleList(): HTMLElement {
    const { rules } = this.style.current;
    const list = el('ol', { class: 'style-rules', 'data-testid': 'style-rules' });
    rules.forEach((rule, index) => {
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = rule.color ?? 'transparent';
      const text = describeRule(rule);
      const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove rule: ${text}` }, 'Remove');
      remove.addEventListener('click', () => this.style.remove(index));
      list.append(el('li', {}, swatch, el('span', {}, text), remove));
    });
    return el(
      'section',
      { class: 'style-section' },
      el('h2', { class: 'tool-heading' }, 'Rules (later rules win)'),
      rules.length === 0
        ? el('p', { class: 'meta' }, 'No rules: nodes are coloured and sized as the Analysis tab says.')
        : list,
    );
  }

  /** Per relationship type on the canvas: a colour, a width, and a numeric property the width follows. */
  private relationshipForm(
    byType: Map<string, Array<Record<string, unknown>>>,
    kept: Record<string, string>,
  ): HTMLElement {
    const types = [...byType.keys()].sort();
    const type = selectOf(
      'rel-style-type',
      types.map((t) => [t, t]),
      kept['rel-style-type'] ?? '',
    );
    const useColor = selectOf(
      'rel-style-use-color',
      [
        ['yes', 'Set colour'],
        ['no', 'Keep colour'],
      ],
      kept['rel-style-use-color'] ?? 'yes',
    );
    const color = el('input', { id: 'rel-style-color', type: 'color' });
    color.value = kept['rel-style-color'] ?? '#d62728';
    const width = selectOf(
      'rel-style-width',
      [['', 'Keep width'], ...EDGE_WIDTHS.map((w) => [String(w), `${w} px`] as [string, string])],
      kept['rel-style-width'] ?? '',
    );
    const widthBy = selectOf(
      'rel-style-width-by',
      [['', 'The same for all'], ...numericKeys(byType.get(type.value) ?? []).map((k) => [k, k] as [string, string])],
      kept['rel-style-width-by'] ?? '',
    );
    for (const control of [type, useColor, color, width, widthBy]) control.dataset.ruleField = '';
    type.addEventListener('change', () => this.render());
    const apply = el('button', { type: 'button', id: 'rel-style-apply' }, 'Style relationships');
    const error = el('p', { class: 'console-error', role: 'alert', id: 'rel-style-error' });
    apply.addEventListener('click', () => {
      if (type.value === '') {
        error.textContent = 'No relationships on the canvas to style.';
        return;
      }
      const style = {
        color: useColor.value === 'yes' ? color.value : null,
        width: width.value === '' ? null : Number(width.value),
        widthBy: widthBy.value === '' ? null : widthBy.value,
      };
      if (style.color === null && style.width === null && style.widthBy === null) {
        error.textContent = 'Set a colour, a width or a property for the width.';
        return;
      }
      error.textContent = '';
      this.style.setRelationshipStyle(type.value, style);
    });
    return el(
      'section',
      { class: 'style-section', 'aria-labelledby': 'rel-style-heading' },
      el('h2', { class: 'tool-heading', id: 'rel-style-heading' }, 'Style relationships'),
      field('rel-style-type', 'Type', type),
      field('rel-style-use-color', 'Colour', useColor),
      field('rel-style-color', 'Colour to set', color),
      field('rel-style-width', 'Width', width),
      field('rel-style-width-by', 'Width by property', widthBy),
      apply,
      error,
    );
  }

  private relationshipList(): HTMLElement {
    const styles = Object.entries(this.style.current.relationships ?? {}).sort((a, b) => a[0].localeCompare(b[0]));
    const list = el('ul', { class: 'style-rules', 'data-testid': 'relationship-styles' });
    for (const [type, style] of styles) {
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = style.color ?? 'transparent';
      const text = describeRelationshipStyle(type, style);
      const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove style: ${text}` }, 'Remove');
      remove.addEventListener('click', () =>
        this.style.setRelationshipStyle(type, { color: null, width: null, widthBy: null }),
      );
      list.append(el('li', {}, swatch, el('span', {}, text), remove));
    }
    return el(
      'section',
      { class: 'style-section' },
      el('h2', { class: 'tool-heading' }, 'Styled relationship types'),
      styles.length === 0 ? el('p', { class: 'meta' }, 'None: relationships are drawn in the theme’s colour.') : list,
    );
  }
}
