// Building the page from data. Every value from the API (payloads, names, labels, answers) becomes a text node or an
// attribute value, never markup: nothing here parses HTML, so a payload holding <script> shows as those characters.

let ids = 0;

/** An element: attrs are attributes, `on*` keys listeners, `value`/`checked` properties; children are nodes or text. */
export function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
        else if (key === 'value' || key === 'checked') el[key] = value;
        else el.setAttribute(key, value === true ? '' : String(value));
    }
    append(el, children);
    return el;
}

export function append(el, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
}

export function clear(el, ...children) {
    el.replaceChildren();
    return append(el, children);
}

/** A labelled control: the label names the input for screen readers and moves focus to it when clicked. */
export function field(label, control, hint) {
    control.id = control.id || `f${++ids}`;
    const hintEl = hint ? h('small', {id: `${control.id}-hint`}, hint) : null;
    if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
    return h('div', {class: 'field'}, h('label', {for: control.id}, label), control, hintEl);
}

export function input(name, value, attrs = {}) {
    return h('input', {name, value: value ?? '', ...attrs});
}

export function textarea(name, value, attrs = {}) {
    return h('textarea', {name, rows: 6, value: value ?? '', ...attrs});
}

export function select(name, options, selected, attrs = {}) {
    return h('select', {name, ...attrs}, options.map(([value, text]) =>
        h('option', {value, selected: value === (selected ?? '')}, text)));
}

export function button(text, onclick, attrs = {}) {
    return h('button', {type: 'button', onclick, ...attrs}, text);
}

export function link(text, href, attrs = {}) {
    return h('a', {href, ...attrs}, text);
}

/** A table with a caption; `columns` are [heading, row => cell content]. */
export function table(caption, columns, rows, empty = 'Nothing here yet.') {
    if (!rows.length) return h('p', {class: 'empty'}, empty);
    return h('table', {},
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', {scope: 'col'}, heading)))),
        h('tbody', {}, rows.map(row => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(row)))))));
}

export function when(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return h('time', {datetime: iso, title: iso}, d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
}

export function labels(map) {
    const entries = Object.entries(map || {});
    if (!entries.length) return '—';
    return h('ul', {class: 'labels'}, entries.map(([k, v]) => h('li', {class: 'label'}, `${k}: ${v}`)));
}

export function pretty(json) {
    return h('pre', {class: 'json', tabindex: 0}, JSON.stringify(json, null, 2));
}

export function status(text) {
    return h('span', {class: `status status-${text}`}, text);
}

/**
 * A form's fields as an object of trimmed strings; a lone checkbox as a boolean, checkboxes that carry values (a group
 * sharing one name) as the array of the checked ones' values.
 */
export function values(form) {
    const out = {};
    for (const el of form.elements) {
        if (!el.name) continue;
        if (el.type === 'checkbox' && el.hasAttribute('value')) out[el.name] = [...(out[el.name] || []), ...(el.checked ? [el.value] : [])];
        else out[el.name] = el.type === 'checkbox' ? el.checked : el.value.trim();
    }
    return out;
}

/** A group of labelled checkboxes named `name`, one per [value, text]; a fieldset whose legend names the group. */
export function checkboxes(name, legend, options, chosen, hint) {
    const hintEl = hint ? h('small', {id: `f${++ids}-hint`}, hint) : null;
    return h('fieldset', {class: 'choices', 'aria-describedby': hintEl?.id}, h('legend', {}, legend),
        options.map(([value, text]) => {
            const id = `f${++ids}`;
            return h('div', {class: 'choice'}, h('input', {type: 'checkbox', name, value, id, checked: chosen.includes(value)}),
                h('label', {for: id}, text));
        }), hintEl);
}

export function checkbox(name, checked) {
    return h('input', {type: 'checkbox', name, checked});
}

/** Puts a message in the live region (read out by screen readers) and on screen. */
export function notify(text, kind = 'info') {
    const box = document.getElementById('notice');
    clear(box, h('p', {class: kind}, text));
}

/** The API's §1 error, with one line per invalid field, where a form shows it. */
export function errorBox(error) {
    const lines = (error.validations || []).map(v => h('li', {}, `${v.field}: ${v.detail}`));
    return h('div', {class: 'error', role: 'alert'},
        h('p', {}, error.message || String(error)), error.detail ? h('p', {}, error.detail) : null,
        lines.length ? h('ul', {}, lines) : null);
}

/** Parses a JSON text area: empty means null; a syntax error names the field. */
export function jsonField(name, text) {
    if (!text) return null;
    try {
        return JSON.parse(text);
    } catch (e) {
        throw Object.assign(new Error(`${name} is not valid JSON: ${e.message}`), {validations: []});
    }
}

/** The page's heading; focusable so that navigation can move focus to it. */
export function title(text, ...more) {
    return h('h1', {tabindex: -1}, text, ...more);
}

/** Wires a form's submit to an async action, showing the API's error in the form instead of losing it. */
export function onSubmit(form, action) {
    const errors = h('div', {class: 'form-errors'});
    form.prepend(errors);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clear(errors);
        const submit = form.querySelector('[type=submit]');
        if (submit) submit.disabled = true;
        try {
            await action(values(form));
        } catch (e) {
            clear(errors, errorBox(e));
            errors.querySelector('[role=alert]')?.setAttribute('tabindex', '-1');
            errors.firstChild?.focus();
        } finally {
            if (submit) submit.disabled = false;
        }
    });
    return form;
}
