import {post, patch, MODEL_CONFIGS} from './api.js';
import {h, field, input, textarea, checkbox, when, onSubmit, notify} from './dom.js';
import {organizationPage} from './organization.js';

/** §15's model configs of one organization. */
export function modelConfigsPage(ctx) {
    return organizationPage(ctx, {
        route: 'model-configs', heading: 'Model configs', noun: 'model config', api: MODEL_CONFIGS, form: configForm,
        intro: 'Any OpenAI-compatible chat-completions server. Organization admins and site owners may change them.',
        empty: 'No model configs in this organization.',
        columns: [
            ['Name', c => c.name],
            ['Model', c => c.model],
            ['Base URL', c => h('code', {}, c.base_url)],
            ['API key', c => c.has_api_key ? 'set' : 'none'],
            ['Enabled', c => c.enabled ? 'yes' : 'no'],
            ['Default', c => c.is_default ? 'yes' : ''],
            ['Updated', c => when(c.updated_at)],
        ],
    });
}

function configForm(org, c, ctx) {
    const form = h('form', {class: 'card', 'aria-label': 'Model config'},
        field('Name', input('name', c?.name, {required: true})),
        field('Base URL', input('base_url', c?.base_url, {type: 'url', required: true, placeholder: 'http://127.0.0.1:11434/v1'})),
        field('Model', input('model', c?.model, {required: true})),
        field('API key', input('api_key', '', {type: 'password', autocomplete: 'off'}),
            c?.has_api_key ? 'A key is set; leave empty to keep it.' : 'Optional; stored sealed and never shown again.'),
        c?.has_api_key ? field('Remove the API key', checkbox('clear_api_key')) : null,
        h('div', {class: 'row'},
            field('Max output tokens', input('max_output_tokens', c?.max_output_tokens, {type: 'number', min: 1})),
            field('Temperature', input('temperature', c?.temperature, {type: 'number', step: '0.1', min: 0, max: 2}))),
        field('System prompt', textarea('system_prompt', c?.system_prompt, {rows: 4})),
        field('Enabled', checkbox('enabled', c ? c.enabled : true)),
        field('Default of the organization', checkbox('is_default', c?.is_default)),
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
