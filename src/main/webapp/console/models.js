import {get, post, patch, del, query, MODEL_CONFIGS} from './api.js';
import {h, clear, field, input, textarea, select, button, table, when, title, onSubmit, notify} from './dom.js';

/** §15's model configs of one organization: members read them; organization admins and site owners change them. */
export async function modelConfigsPage(ctx) {
    const orgs = ctx.session.organizations;
    const org = ctx.query.get('organization_id') || orgs[0]?.id;
    const configs = org ? await get(MODEL_CONFIGS + query({organization_id: org})) : [];
    const editor = h('div', {id: 'model-editor'});
    const edit = config => {
        clear(editor, h('h2', {}, config ? `Edit ${config.name}` : 'New model config'), configForm(org, config, ctx));
        editor.querySelector('input')?.focus();
    };
    const chooser = select('organization_id', orgs.map(o => [o.id, o.name]), org,
        {onchange: e => ctx.go('#/model-configs' + query({organization_id: e.target.value}))});
    return h('section', {},
        title('Model configs'),
        h('p', {}, 'Any OpenAI-compatible chat-completions server. Organization admins and site owners may change them.'),
        field('Organization', chooser),
        table('Model configs of the organization', [
            ['Name', c => c.name],
            ['Model', c => c.model],
            ['Base URL', c => h('code', {}, c.base_url)],
            ['API key', c => c.has_api_key ? 'set' : 'none'],
            ['Enabled', c => c.enabled ? 'yes' : 'no'],
            ['Default', c => c.is_default ? 'yes' : ''],
            ['Updated', c => when(c.updated_at)],
            ['', c => [button('Edit', () => edit(c), {'aria-label': `Edit ${c.name}`}),
                button('Delete', async () => {
                    if (!confirm(`Delete model config "${c.name}"?`)) return;
                    await del(`${MODEL_CONFIGS}/${c.id}`);
                    ctx.go(location.hash);
                }, {class: 'danger', 'aria-label': `Delete ${c.name}`})]],
        ], configs, 'No model configs in this organization.'),
        h('p', {}, button('New model config', () => edit(null))),
        editor);
}

function configForm(org, c, ctx) {
    const form = h('form', {class: 'card', 'aria-label': 'Model config'},
        field('Name', input('name', c?.name, {required: true})),
        field('Base URL', input('base_url', c?.base_url, {type: 'url', required: true, placeholder: 'http://127.0.0.1:11434/v1'})),
        field('Model', input('model', c?.model, {required: true})),
        field('API key', input('api_key', '', {type: 'password', autocomplete: 'off'}),
            c?.has_api_key ? 'A key is set; leave empty to keep it.' : 'Optional; stored sealed and never shown again.'),
        c?.has_api_key ? field('Remove the API key', h('input', {type: 'checkbox', name: 'clear_api_key'})) : null,
        h('div', {class: 'row'},
            field('Max output tokens', input('max_output_tokens', c?.max_output_tokens, {type: 'number', min: 1})),
            field('Temperature', input('temperature', c?.temperature, {type: 'number', step: '0.1', min: 0, max: 2}))),
        field('System prompt', textarea('system_prompt', c?.system_prompt, {rows: 4})),
        field('Enabled', h('input', {type: 'checkbox', name: 'enabled', checked: c ? c.enabled : true})),
        field('Default of the organization', h('input', {type: 'checkbox', name: 'is_default', checked: c?.is_default})),
        h('button', {type: 'submit'}, c ? 'Save' : 'Create'));
    onSubmit(form, async v => {
        const body = {
            name: v.name, base_url: v.base_url, model: v.model, system_prompt: v.system_prompt || null,
            max_output_tokens: v.max_output_tokens ? Number(v.max_output_tokens) : null,
            temperature: v.temperature ? Number(v.temperature) : null, enabled: v.enabled, is_default: v.is_default,
        };
        if (v.api_key) body.api_key = v.api_key;
        else if (v.clear_api_key) body.api_key = null;
        if (c) await patch(`${MODEL_CONFIGS}/${c.id}`, body);
        else await post(MODEL_CONFIGS, {organization_id: org, provider: 'openai-compatible', ...body});
        notify('Model config saved.');
        ctx.go(location.hash);
    });
    return form;
}
