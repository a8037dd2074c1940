import {post, patch, MCP_SERVERS} from './api.js';
import {h, field, input, textarea, checkbox, when, onSubmit, notify} from './dom.js';
import {organizationPage} from './organization.js';

/**
 * §16's MCP servers of one organization. Their headers (Authorization and the like) are secrets: the API says only
 * whether some are set, and the form takes new ones without ever showing the old.
 */
export function mcpServersPage(ctx) {
    return organizationPage(ctx, {
        route: 'mcp-servers', heading: 'MCP servers', noun: 'MCP server', api: MCP_SERVERS, form: serverForm,
        intro: 'Model Context Protocol servers whose tools the agent may call, over Streamable HTTP or, for older servers, '
            + 'HTTP with SSE (the service finds out which). An automation picks its servers and may narrow their tools.',
        empty: 'No MCP servers in this organization.',
        columns: [
            ['Name', s => s.name],
            ['URL', s => h('code', {}, s.url)],
            ['Headers', s => s.has_headers ? 'set (never shown)' : 'none'],
            ['Enabled', s => s.enabled ? 'yes' : 'no'],
            ['Updated', s => when(s.updated_at)],
        ],
    });
}

function serverForm(org, s, ctx) {
    const form = h('form', {class: 'card', 'aria-label': 'MCP server'},
        field('Name', input('name', s?.name, {required: true, maxlength: 64, autocomplete: 'off'}),
            'Letters, digits, - and _. An automation\'s allowed tools name a tool of this server as <name>/<tool>.'),
        field('URL', input('url', s?.url, {type: 'url', required: true, placeholder: 'http://127.0.0.1:3001/mcp'})),
        field('Headers', textarea('headers', '', {rows: 3, autocomplete: 'off', spellcheck: 'false', class: 'mono'}),
            (s?.has_headers ? 'Headers are set and are never shown. Leave this empty to keep them; what you enter replaces them all. '
                : 'Optional; stored sealed and never shown again. ') + 'One "Name: value" per line, e.g. Authorization: Bearer …'),
        s?.has_headers ? field('Remove the headers', checkbox('clear_headers')) : null,
        field('Enabled', checkbox('enabled', s ? s.enabled : true)),
        h('button', {type: 'submit'}, s ? 'Save' : 'Create'));
    onSubmit(form, async v => {
        const body = {name: v.name, url: v.url, enabled: v.enabled};
        if (v.headers) body.headers = headerLines(v.headers);
        else if (v.clear_headers) body.headers = null;
        if (s) await patch(`${MCP_SERVERS}/${s.id}`, body);
        else await post(MCP_SERVERS, {organization_id: org, ...body});
        notify('MCP server saved.');
        ctx.go(location.hash);
    });
    return form;
}

/** "Name: value" lines as the API's headers object. An error names the line, never its text: that may be a secret. */
function headerLines(text) {
    const headers = {};
    text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        const colon = line.indexOf(':');
        if (colon < 1) throw Object.assign(new Error('Headers are not valid.'),
            {validations: [{field: 'headers', detail: `line ${i + 1} is not "Name: value"`}]});
        headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    });
    return headers;
}
