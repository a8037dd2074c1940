import {get, post, query, AUTOMATIONS} from './api.js';
import {h, field, select, button, link, table, when, labels, pretty, status, title, errorBox, clear} from './dom.js';

const PAGE = 25;
const STATUSES = ['', 'pending', 'filtered', 'preview', 'created', 'continued', 'rate_limited', 'error'];

export async function eventsPage(ctx) {
    const [id] = ctx.params;
    const q = ctx.query;
    const offset = Math.max(0, Number(q.get('offset')) || 0);
    const size = Math.min(499, Math.max(1, Number(q.get('limit')) || PAGE));
    const chosen = {status: q.get('status'), trigger_id: q.get('trigger_id'), limit: q.get('limit')};
    // One more than a page is asked for, so "Older" shows only when there is an older event.
    const [automation, triggers, found] = await Promise.all([
        get(`${AUTOMATIONS}/${id}`), get(`${AUTOMATIONS}/${id}/triggers`),
        get(`${AUTOMATIONS}/${id}/events` + query({...chosen, limit: size + 1, offset})),
    ]);
    const events = found.slice(0, size);
    const here = params => `#/automations/${id}/events` + query({...chosen, ...params});
    const statusSelect = select('status', STATUSES.map(s => [s, s || 'any status']), q.get('status') || '');
    const triggerSelect = select('trigger_id', [['', 'any trigger'], ...triggers.map(t => [t.id, `${t.type} ${t.id.slice(0, 8)}`])],
        q.get('trigger_id') || '');
    const sizeSelect = select('limit', [...new Set([10, PAGE, 100, size])].sort((a, b) => a - b).map(n => [String(n), String(n)]), String(size));
    const filters = h('form', {class: 'inline', 'aria-label': 'Filter events', onsubmit: e => {
        e.preventDefault();
        ctx.go(here({status: statusSelect.value, trigger_id: triggerSelect.value, limit: sizeSelect.value, offset: null}));
    }}, field('Status', statusSelect), field('Trigger', triggerSelect), field('Per page', sizeSelect),
    h('button', {type: 'submit'}, 'Filter'));
    const pager = h('nav', {class: 'pager', 'aria-label': 'Pages'},
        offset > 0 ? link('Newer', here({offset: Math.max(0, offset - size) || null}), {rel: 'prev', id: 'newer'}) : null,
        h('span', {id: 'page-range'}, events.length ? `Events ${offset + 1}–${offset + events.length}` : ''),
        found.length > size ? link('Older', here({offset: offset + size}), {rel: 'next', id: 'older'}) : null);
    return h('section', {},
        title('Event log: ', automation.name),
        h('p', {}, link('Back to the automation', `#/automations/${id}`)),
        filters,
        table('Events, newest first', [
            ['Received', e => link(when(e.received_at), `#/automations/${id}/events/${e.id}`, {class: 'event-link'})],
            ['Status', e => status(e.status)],
            ['Trigger', e => h('code', {}, e.trigger_id.slice(0, 8))],
            ['Labels', e => labels(e.resolved_labels)],
            ['Why', e => e.reason || e.error || ''],
        ], events, 'No events match.'),
        pager);
}

export async function eventPage(ctx) {
    const [id, eventId] = ctx.params;
    const e = await get(`${AUTOMATIONS}/${id}/events/${eventId}`);
    const chat = e.created_chat_id || e.matched_chat_id;
    const replayResult = h('div', {'aria-live': 'polite'});
    const replay = button('Replay', async () => {
        replay.disabled = true;
        try {
            const again = await post(`${AUTOMATIONS}/${id}/events/${eventId}/replay`);
            ctx.go(`#/automations/${id}/events/${again.id}`);
        } catch (err) {
            clear(replayResult, errorBox(err));
            replay.disabled = false;
        }
    }, {id: 'replay'});
    const row = (term, value) => value === undefined || value === null || value === '' ? null : [h('dt', {}, term), h('dd', {}, value)];
    return h('section', {},
        title('Event ', h('code', {}, e.id)),
        h('p', {}, link('Back to the event log', `#/automations/${id}/events`)),
        h('dl', {class: 'event'},
            row('Status', status(e.status)),
            row('Received', when(e.received_at)),
            row('Trigger', h('code', {}, e.trigger_id)),
            row('Delivery id', e.delivery_id),
            row('Filter matched', e.filter_matched ? 'yes' : 'no'),
            row('Reason', e.reason ? h('span', {id: 'reason'}, e.reason) : null),
            row('Error', e.error),
            row('Labels', labels(e.resolved_labels)),
            row(e.created_chat_id ? 'Created chat' : 'Matched chat', chat ? link('Open the chat', `#/chats/${chat}`, {id: 'chat-link'}) : null)),
        h('p', {}, replay), replayResult,
        h('h2', {}, 'Payload'), pretty(e.payload));
}
