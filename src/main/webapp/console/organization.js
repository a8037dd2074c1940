import {get, del, query} from './api.js';
import {h, clear, field, select, button, table, title, notify} from './dom.js';

/**
 * A page of one organization's shared settings (§15's model configs, §16's MCP servers): every member reads them;
 * organization admins and site owners create, change and delete them, so only they get the buttons (the server
 * checks again). `spec`: route, heading, intro, api, noun, columns, empty, form(org, item, ctx).
 */
export async function organizationPage(ctx, spec) {
    const orgs = ctx.session.organizations;
    const org = ctx.query.get('organization_id') || orgs[0]?.id;
    const items = org ? await get(spec.api + query({organization_id: org, limit: 500})) : [];
    const admin = ctx.session.administers(org);
    const editor = h('div', {class: 'editor'});
    const edit = item => {
        clear(editor, h('h2', {}, item ? `Edit ${item.name}` : `New ${spec.noun}`), spec.form(org, item, ctx));
        editor.querySelector('input')?.focus();
    };
    const remove = async item => {
        if (!confirm(`Delete ${spec.noun} "${item.name}"?`)) return;
        try {
            await del(`${spec.api}/${item.id}`);
            ctx.go(location.hash);
        } catch (e) {
            notify(e.message, 'error');
        }
    };
    const actions = ['', item => [button('Edit', () => edit(item), {'aria-label': `Edit ${item.name}`}),
        button('Delete', () => remove(item), {class: 'danger', 'aria-label': `Delete ${item.name}`})]];
    const chooser = select('organization_id', orgs.map(o => [o.id, o.name]), org,
        {onchange: e => ctx.go(`#/${spec.route}` + query({organization_id: e.target.value}))});
    return h('section', {},
        title(spec.heading),
        h('p', {}, spec.intro),
        field('Organization', chooser),
        admin ? null : h('p', {class: 'note'}, 'You can read these; the organization\'s admins and the site owners change them.'),
        table(`${spec.heading} of the organization`, admin ? [...spec.columns, actions] : spec.columns, items, spec.empty),
        admin ? h('p', {}, button(`New ${spec.noun}`, () => edit(null), {id: `new-${spec.route}`})) : null,
        editor);
}
