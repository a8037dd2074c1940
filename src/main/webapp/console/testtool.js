import {get, post, AUTOMATIONS} from './api.js';
import {h, clear, field, textarea, select, link, labels, title, onSubmit, jsonField} from './dom.js';

/** §11's dry run: a pasted payload and headers through a trigger's filter and labels; nothing recorded or sent. */
export async function testPage(ctx) {
    const [id] = ctx.params;
    const [automation, triggers] = await Promise.all([get(`${AUTOMATIONS}/${id}`), get(`${AUTOMATIONS}/${id}/triggers`)]);
    const verdict = h('div', {'aria-live': 'polite', id: 'verdict'});
    const form = h('form', {class: 'card', 'aria-label': 'Test a payload'},
        field('Payload (JSON)', textarea('payload', '{\n  "action": "opened"\n}', {rows: 10, required: true})),
        field('Headers (JSON object)', textarea('headers', '', {rows: 3}), 'e.g. {"X-GitHub-Event": "pull_request"}'),
        field('Trigger', select('trigger_id', [['', 'none: use the filter and label paths below'],
            ...triggers.map(t => [t.id, `${t.type} ${t.id.slice(0, 8)}`])], triggers[0]?.id || ''),
        'Its filter and label paths are used unless you give others below.'),
        field('Filter (JSON)', textarea('filter', '', {rows: 3})),
        field('Label paths (JSON)', textarea('label_paths', '', {rows: 3})),
        h('button', {type: 'submit'}, 'Test'));
    onSubmit(form, async v => {
        const body = {payload: jsonField('payload', v.payload)};
        const headers = jsonField('headers', v.headers);
        if (headers) body.headers = headers;
        if (v.trigger_id) body.trigger_id = v.trigger_id;
        if (v.filter) body.filter = jsonField('filter', v.filter);
        if (v.label_paths) body.label_paths = jsonField('label_paths', v.label_paths);
        const r = await post(`${AUTOMATIONS}/${id}/test`, body);
        clear(verdict, h('h2', {}, 'Verdict'), h('dl', {},
            h('dt', {}, 'Filter matched'), h('dd', {}, r.filter_matched ? 'yes' : 'no'),
            r.reason ? [h('dt', {}, 'Reason'), h('dd', {}, r.reason)] : null,
            h('dt', {}, 'Labels'), h('dd', {}, labels(r.resolved_labels)),
            h('dt', {}, 'Would'), h('dd', {}, r.would_create_new_chat ? 'create a new chat'
                : r.existing_chat_id ? link('continue this chat', `#/chats/${r.existing_chat_id}`) : 'not fire')));
    });
    return h('section', {}, title('Test tool: ', automation.name),
        h('p', {}, link('Back to the automation', `#/automations/${id}`)), form, verdict);
}
