import {get, post, query, CHATS} from './api.js';
import {h, clear, field, textarea, button, link, table, when, labels, status, title, onSubmit, pretty} from './dom.js';

const LIVE = new Set(['pending', 'running']);
const POLL_MS = 1500;

export async function chatsPage(ctx) {
    const automation = ctx.query.get('automation_id');
    const chats = await get(CHATS + query({automation_id: automation, limit: 200}));
    return h('section', {},
        title(automation ? 'Chats of an automation' : 'Chats'),
        automation ? h('p', {}, link('All chats', '#/chats')) : null,
        table('Your chats', [
            ['Title', c => link(c.title || c.id, `#/chats/${c.id}`)],
            ['Status', c => status(c.status)],
            ['Labels', c => labels(c.labels)],
            ['Updated', c => when(c.updated_at)],
        ], chats, 'No chats yet.'));
}

/** A chat and its messages; while the agent has a turn pending or running, it is polled until the answer lands. */
export async function chatPage(ctx) {
    const [id] = ctx.params;
    const header = h('div');
    const list = h('ol', {class: 'messages', 'aria-live': 'polite', 'aria-label': 'Messages'});
    let timer = null;
    let shown = '';
    const refresh = async () => {
        const [chat, messages] = await Promise.all([get(`${CHATS}/${id}`), allMessages(id)]);
        clear(header, h('dl', {},
            h('dt', {}, 'Status'), h('dd', {id: 'chat-status'}, status(chat.status), LIVE.has(chat.status) ? ' — the agent is working…' : ''),
            chat.last_error ? [h('dt', {}, 'Last error'), h('dd', {}, chat.last_error)] : null,
            h('dt', {}, 'Labels'), h('dd', {}, labels(chat.labels)),
            chat.automation_id ? [h('dt', {}, 'Automation'), h('dd', {}, link('Open', `#/automations/${chat.automation_id}`))] : null));
        // Re-rendered only when something changed, so a reader's place and a screen reader's queue are not reset.
        const signature = messages.map(m => m.id).join();
        if (signature !== shown) {
            shown = signature;
            clear(list, messages.map(message));
        }
        timer = LIVE.has(chat.status) ? setTimeout(poll, POLL_MS) : null;
        return chat;
    };
    // A failed poll (the server restarting, say) is tried again, more slowly, instead of going quiet.
    const poll = () => refresh().catch(() => {
        timer = setTimeout(poll, POLL_MS * 4);
    });
    ctx.onLeave(() => clearTimeout(timer));
    const chat = await refresh();
    const form = h('form', {class: 'card', 'aria-label': 'Send a message'},
        field('Message', textarea('content', '', {rows: 3, required: true})), h('button', {type: 'submit'}, 'Send'));
    onSubmit(form, async v => {
        await post(`${CHATS}/${id}/messages`, {content: v.content});
        form.reset();
        clearTimeout(timer);
        await refresh();
    });
    const retry = button('Retry the turn', async () => {
        await post(`${CHATS}/${id}/retry`);
        clearTimeout(timer);
        await refresh();
    });
    return h('section', {}, title(chat.title), header, chat.status === 'error' ? retry : null, list, form);
}

async function allMessages(id) {
    const all = [];
    for (let offset = 0; ; offset += 500) {
        const page = await get(`${CHATS}/${id}/messages` + query({limit: 500, offset}));
        all.push(...page.messages);
        if (!page.has_more || offset >= 5000) return all;
    }
}

function message(m) {
    return h('li', {class: `message ${m.role}`, 'data-role': m.role},
        h('p', {class: 'meta'}, h('strong', {}, m.role === 'assistant' ? 'Agent' : m.role === 'user' ? 'User' : m.role), ' · ', when(m.created_at),
            m.usage ? ` · ${m.usage.prompt_tokens ?? '?'} + ${m.usage.completion_tokens ?? '?'} tokens` : ''),
        (m.content || []).map(part => part.type === 'text' ? h('div', {class: 'text'}, part.text) : pretty(part)));
}
