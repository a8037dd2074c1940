// The console (§18): a hash-routed single page over the public REST API. Each route renders a page module into
// <main>; a page may register work to stop when it is left (the live chat's polling).
import {api, get, post, whenSignedOut, ApiError} from './api.js';
import {h, clear, link, button, errorBox, notify} from './dom.js';
import {signInPage} from './signin.js';
import {automationsPage, newAutomationPage, automationPage} from './automations.js';
import {eventsPage, eventPage} from './events.js';
import {testPage} from './testtool.js';
import {chatsPage, chatPage} from './chats.js';
import {modelConfigsPage} from './models.js';
import {mcpServersPage} from './mcp.js';
import {auditPage} from './audit.js';

const routes = [
    [/^\/signin$/, signInPage, {public: true}],
    [/^\/automations$/, automationsPage],
    [/^\/automations\/new$/, newAutomationPage],
    [/^\/automations\/([^/]+)$/, automationPage],
    [/^\/automations\/([^/]+)\/events$/, eventsPage],
    [/^\/automations\/([^/]+)\/events\/([^/]+)$/, eventPage],
    [/^\/automations\/([^/]+)\/test$/, testPage],
    [/^\/chats$/, chatsPage],
    [/^\/chats\/([^/]+)$/, chatPage],
    [/^\/model-configs$/, modelConfigsPage],
    [/^\/mcp-servers$/, mcpServersPage],
    [/^\/audit$/, auditPage],
];

const session = {me: null, organizations: [], administers: () => false};
let leaving = [];

export function go(hash) {
    if (location.hash === hash) render();
    else location.hash = hash;
}

async function loadSession() {
    try {
        session.me = await get('/api/v2/users/me');
        session.organizations = await get('/api/v2/organizations');
        const roles = await get('/api/v2/users/me/roles');
        const owner = roles.roles.includes('owner');
        const admin = org => (roles.organization_roles[org] || []).includes('organization-admin');
        session.administers = org => owner || (org ? admin(org) : Object.keys(roles.organization_roles).some(admin));
    } catch (e) {
        if (!(e instanceof ApiError && e.status === 401)) throw e;
        session.me = null;
        session.organizations = [];
    }
}

async function signOut() {
    try {
        await post('/api/v2/users/logout');
    } finally {
        session.me = null;
        go('#/signin');
    }
}

function nav() {
    const current = location.hash.split('?')[0];
    const item = (text, href) => h('li', {}, link(text, href, {'aria-current': current.startsWith(href) ? 'page' : null}));
    if (!session.me) return h('ul', {}, item('Sign in', '#/signin'));
    return h('ul', {},
        item('Automations', '#/automations'), item('Chats', '#/chats'), item('Model configs', '#/model-configs'),
        item('MCP servers', '#/mcp-servers'), session.administers() ? item('Audit log', '#/audit') : null,
        h('li', {class: 'who'}, `Signed in as ${session.me.username}`),
        h('li', {}, button('Sign out', signOut, {id: 'sign-out'})));
}

async function render() {
    leaving.forEach(stop => stop());
    leaving = [];
    const [path, search] = (location.hash.slice(1) || '/automations').split('?');
    const match = routes.map(([pattern, page, opts]) => [path.match(pattern), page, opts || {}]).find(([m]) => m);
    const main = document.getElementById('main');
    clear(document.getElementById('notice'));
    if (session.me === null && !match?.[2].public) await loadSession();
    if (session.me === null && !match?.[2].public) return go('#/signin');
    clear(document.getElementById('nav'), nav());
    if (!match) return clear(main, h('h1', {tabindex: -1}, 'Not found'), h('p', {}, link('Back to the automations', '#/automations')));
    const [m, page] = match;
    const ctx = {
        params: m.slice(1).map(decodeURIComponent), query: new URLSearchParams(search || ''), session, go,
        onLeave: stop => leaving.push(stop),
        signedIn: async () => {
            await loadSession();
            go('#/automations');
        },
    };
    try {
        clear(main, await page(ctx));
    } catch (e) {
        clear(main, h('h1', {tabindex: -1}, e.status === 404 ? 'Not found' : 'Something went wrong'), errorBox(e));
    }
    // Focus follows navigation, so keyboard and screen-reader users start at the new page's heading.
    main.querySelector('h1')?.focus();
}

whenSignedOut(() => {
    if (session.me !== null) {
        session.me = null;
        notify('Your session has ended; sign in again.', 'error');
        go('#/signin');
    }
});
window.addEventListener('hashchange', render);
render();
