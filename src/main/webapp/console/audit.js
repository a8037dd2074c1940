import {get, query} from './api.js';
import {h, field, input, link, table, when, title} from './dom.js';

const PAGE = 50;
const FILTERS = [['resource_type', 'Resource type'], ['resource_id', 'Resource id'], ['user_id', 'User id'], ['action', 'Action']];

/** §13's audit log, newest first: what the caller may read (an organization's admins, its entries; a site owner, all). */
export async function auditPage(ctx) {
    const q = ctx.query;
    const offset = Math.max(0, Number(q.get('offset')) || 0);
    const chosen = Object.fromEntries(FILTERS.map(([name]) => [name, q.get(name)]));
    const entries = await get('/api/v2/audit' + query({...chosen, limit: PAGE, offset}));
    const form = h('form', {class: 'inline', 'aria-label': 'Filter the audit log', onsubmit: e => {
        e.preventDefault();
        ctx.go('#/audit' + query(Object.fromEntries(FILTERS.map(([name]) => [name, e.target.elements[name].value.trim()]))));
    }}, FILTERS.map(([name, label]) => field(label, input(name, chosen[name]))), h('button', {type: 'submit'}, 'Filter'));
    const here = o => '#/audit' + query({...chosen, offset: o});
    return h('section', {},
        title('Audit log'), form,
        table('Audit entries, newest first', [
            ['Time', e => when(e.time)],
            ['Action', e => e.action],
            ['Resource', e => [e.resource_type, ' ', e.resource_name || h('code', {}, e.resource_id || '')]],
            ['User', e => h('code', {}, (e.user_id || 'system').slice(0, 8))],
            ['Status', e => String(e.status_code ?? '')],
            ['Changes', e => e.diff && Object.keys(e.diff).length ? h('code', {class: 'diff'}, JSON.stringify(e.diff)) : ''],
            ['From', e => e.ip || ''],
        ], entries, 'No entries.'),
        h('nav', {class: 'pager', 'aria-label': 'Pages'},
            offset > 0 ? link('Newer', here(Math.max(0, offset - PAGE)), {rel: 'prev'}) : null,
            entries.length === PAGE ? link('Older', here(offset + PAGE), {rel: 'next'}) : null));
}
