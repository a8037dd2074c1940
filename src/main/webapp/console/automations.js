import {get, post, patch, del, query, AUTOMATIONS, MODEL_CONFIGS, MCP_SERVERS} from './api.js';
import {h, clear, field, input, textarea, select, checkboxes, button, link, table, when, status, title, onSubmit, notify} from './dom.js';
import {triggersSection} from './triggers.js';

const STATUSES = [['disabled', 'disabled'], ['preview', 'preview'], ['active', 'active']];

export async function automationsPage() {
    const list = await get(AUTOMATIONS + query({scope: 'all', limit: 500}));
    return h('section', {},
        title('Automations'),
        h('p', {}, link('New automation', '#/automations/new', {class: 'button', id: 'new-automation'})),
        table('Automations you can see, newest first', [
            ['Name', a => link(a.name, `#/automations/${a.id}`)],
            ['Status', a => status(a.status)],
            ['Events', a => link('Event log', `#/automations/${a.id}/events`, {'aria-label': `Event log of ${a.name}`})],
            ['Created', a => when(a.created_at)],
        ], list, 'No automations yet.'));
}

export async function newAutomationPage(ctx) {
    const orgs = ctx.session.organizations;
    const form = await automationForm({organization_id: orgs[0]?.id, status: 'disabled',
        max_chat_creates_per_hour: 10, max_messages_per_hour: 60}, orgs);
    onSubmit(form, async v => {
        const created = await post(AUTOMATIONS, {organization_id: v.organization_id, ...fields(v)});
        ctx.go(`#/automations/${created.id}`);
    });
    return h('section', {}, title('New automation'), form);
}

export async function automationPage(ctx) {
    const [id] = ctx.params;
    let automation = await get(`${AUTOMATIONS}/${id}`);
    const form = await automationForm(automation, null);
    onSubmit(form, async v => {
        const body = fields(v);
        // A reference left as it was is not sent: one disabled or deleted since would fail the whole save (§15, §16).
        if ((body.model_config_id ?? null) === (automation.model_config_id ?? null)) delete body.model_config_id;
        if (sameSet(body.mcp_server_ids, automation.mcp_server_ids)) delete body.mcp_server_ids;
        automation = await patch(`${AUTOMATIONS}/${id}`, body);
        notify('Automation saved.');
    });
    const remove = button('Delete automation', async () => {
        if (!confirm(`Delete "${automation.name}" with its triggers and events? Its chats stay.`)) return;
        await del(`${AUTOMATIONS}/${id}`);
        ctx.go('#/automations');
    }, {class: 'danger'});
    return h('section', {},
        title(automation.name),
        h('p', {class: 'actions'},
            link('Event log', `#/automations/${id}/events`, {class: 'button', id: 'event-log'}),
            link('Test tool', `#/automations/${id}/test`, {class: 'button'}),
            link('Chats', `#/chats?automation_id=${id}`, {class: 'button'})),
        h('h2', {}, 'Settings'), form,
        await triggersSection(id),
        h('h2', {}, 'Danger zone'), remove);
}

/** The create and edit form; `orgs` only when creating (an automation never changes organization). */
async function automationForm(a, orgs) {
    const models = select('model_config_id', [], '');
    const servers = h('div', {id: 'mcp-choices'});
    // The organization's model configs and MCP servers to choose from; one the automation names stays listed even when
    // it was disabled since, so that the form shows what is stored.
    const load = async org => {
        const [configs, mcp] = org ? await Promise.all([get(MODEL_CONFIGS + query({organization_id: org, limit: 500})),
            get(MCP_SERVERS + query({organization_id: org, limit: 500}))]) : [[], []];
        const chosen = a.mcp_server_ids || [];
        models.replaceChildren(h('option', {value: ''}, 'The organization\'s default'),
            ...configs.filter(c => c.enabled || c.id === a.model_config_id).map(c => h('option',
                {value: c.id, selected: c.id === a.model_config_id}, `${c.name} (${c.model})${c.enabled ? '' : ' (disabled)'}`)));
        const listed = mcp.filter(s => s.enabled || chosen.includes(s.id));
        const gone = chosen.filter(id => !mcp.some(s => s.id === id));
        const options = [...listed.map(s => [s.id, `${s.name} — ${s.url}${s.enabled ? '' : ' (disabled)'}`]),
            ...gone.map(id => [id, `${id} (deleted or not readable)`])];
        clear(servers, options.length
            ? checkboxes('mcp_server_ids', 'MCP servers', options, chosen, 'Their tools are offered to the agent; none checked: no tools.')
            : h('p', {class: 'empty'}, 'MCP servers: none in this organization yet (', link('add one', '#/mcp-servers' + query({organization_id: org})), ').'));
    };
    await load(a.organization_id);
    const org = orgs ? field('Organization', select('organization_id', orgs.map(o => [o.id, o.name]), a.organization_id,
        {onchange: e => load(e.target.value)})) : null;
    return h('form', {class: 'card', 'aria-label': 'Automation settings'},
        field('Name', input('name', a.name, {required: true, maxlength: 128})),
        org,
        field('Description', input('description', a.description)),
        field('Status', select('status', STATUSES, a.status),
            'disabled: deliveries are ignored; preview: recorded, nothing sent; active: chats are created or continued'),
        field('Instructions', textarea('instructions', a.instructions, {rows: 8}),
            'Sent to the agent first; the event payload follows as untrusted data.'),
        field('Model config', models),
        h('div', {class: 'row'},
            field('Chat creations per hour', input('max_chat_creates_per_hour', a.max_chat_creates_per_hour, {type: 'number', min: 1, max: 1000})),
            field('Messages per hour', input('max_messages_per_hour', a.max_messages_per_hour, {type: 'number', min: 1, max: 1000}))),
        servers,
        field('Allowed tools', input('allowed_tools', (a.allowed_tools || []).join(', ')),
            'Comma-separated tool names or <server>/<tool>; empty allows every tool of the servers.'),
        h('button', {type: 'submit'}, orgs ? 'Create automation' : 'Save'));
}

function sameSet(a, b) {
    return (a || []).length === (b || []).length && (a || []).every(x => b.includes(x));
}

function fields(v) {
    const list = text => text ? text.split(',').map(s => s.trim()).filter(Boolean) : [];
    return {
        name: v.name, description: v.description || null, instructions: v.instructions || null, status: v.status,
        model_config_id: v.model_config_id || null,
        max_chat_creates_per_hour: Number(v.max_chat_creates_per_hour), max_messages_per_hour: Number(v.max_messages_per_hour),
        mcp_server_ids: v.mcp_server_ids || [], allowed_tools: list(v.allowed_tools),
    };
}
