import {get, post, patch, del, AUTOMATIONS} from './api.js';
import {h, clear, field, input, textarea, select, button, when, onSubmit, errorBox, jsonField, notify} from './dom.js';

const SCHEMES = ['hmac-sha256', 'standard-webhooks', 'stripe', 'slack', 'token'].map(s => [s, s]);

export async function triggersSection(automation) {
    const base = `${AUTOMATIONS}/${automation}/triggers`;
    const section = h('section', {'aria-labelledby': 'triggers-heading'});
    const refresh = async () => {
        const triggers = await get(base);
        clear(section, h('h2', {id: 'triggers-heading'}, 'Triggers'),
            triggers.length ? triggers.map(t => triggerCard(base, t, refresh)) : h('p', {class: 'empty'}, 'No triggers yet.'),
            h('h3', {}, 'Add a trigger'), newTriggerForm(base, refresh));
    };
    await refresh();
    return section;
}

function triggerCard(base, t, refresh) {
    const form = h('form', {class: 'trigger-settings', 'aria-label': `Settings of the ${t.type} trigger`},
        t.type === 'cron' ? cronField(t.cron_schedule) : null,
        t.type === 'webhook' ? field('Filter (JSON)', textarea('filter', json(t.filter), {rows: 4})) : null,
        field('Label paths (JSON)', textarea('label_paths', json(t.label_paths), {rows: 3})),
        h('button', {type: 'submit'}, 'Save trigger'));
    onSubmit(form, async v => {
        const body = {label_paths: jsonField('label_paths', v.label_paths)};
        if (t.type === 'cron') body.cron_schedule = v.cron_schedule;
        else body.filter = jsonField('filter', v.filter);
        await patch(`${base}/${t.id}`, body);
        notify('Trigger saved.');
        await refresh();
    });
    return h('article', {class: 'card trigger', 'data-trigger-id': t.id},
        h('h3', {}, `${t.type === 'webhook' ? 'Webhook' : 'Cron'} trigger`),
        h('dl', {},
            h('dt', {}, 'Id'), h('dd', {}, h('code', {}, t.id)),
            t.type === 'webhook' ? [h('dt', {}, 'Signature scheme'), h('dd', {}, t.signature_scheme),
                h('dt', {}, 'Secret rotated'), h('dd', {}, when(t.secret_rotated_at)),
                t.previous_secret_expires_at ? [h('dt', {}, 'Previous secret valid until'), h('dd', {}, when(t.previous_secret_expires_at))] : null] : null,
            t.type === 'cron' ? [h('dt', {}, 'Next runs'), h('dd', {}, times(t.next_run_times)),
                h('dt', {}, 'Last fired'), h('dd', {}, when(t.last_triggered_at))] : null),
        t.type === 'webhook' ? copyable('Webhook URL', t.webhook_url, 'webhook-url') : null,
        t.type === 'webhook' ? rotateForm(base, t, refresh) : null,
        form,
        button('Delete trigger', async () => {
            if (!confirm('Delete this trigger? Deliveries to its URL will be ignored.')) return;
            await del(`${base}/${t.id}`);
            await refresh();
        }, {class: 'danger'}));
}

function rotateForm(base, t, refresh) {
    const form = h('form', {class: 'inline', 'aria-label': 'Rotate the secret'},
        field('Grace period (seconds)', input('grace_period_seconds', '3600', {type: 'number', min: 0, max: 604800}),
            'How long the old secret keeps verifying, so senders can switch without losing deliveries.'),
        h('button', {type: 'submit'}, 'Rotate secret'));
    onSubmit(form, async v => {
        const rotated = await post(`${base}/${t.id}/regenerate-secret`, {grace_period_seconds: Number(v.grace_period_seconds || 0)});
        await refresh();
        revealSecret(rotated);
    });
    return form;
}

function newTriggerForm(base, refresh) {
    const cron = cronField('');
    const webhookOnly = h('div', {},
        field('Signature scheme', select('signature_scheme', SCHEMES, 'hmac-sha256')),
        field('Secret', input('webhook_secret', '', {type: 'password', autocomplete: 'off'}),
            'Leave empty to have one generated (required for stripe and slack, which issue their own).'),
        field('Filter (JSON)', textarea('filter', '', {rows: 4}), 'e.g. {"action": "opened"}; empty matches everything.'));
    const type = select('type', [['webhook', 'Webhook'], ['cron', 'Cron schedule']], 'webhook', {
        onchange: () => {
            webhookOnly.hidden = type.value !== 'webhook';
            cron.hidden = type.value !== 'cron';
        },
    });
    cron.hidden = true;
    const form = h('form', {class: 'card', id: 'new-trigger', 'aria-label': 'Add a trigger'},
        field('Type', type), webhookOnly, cron,
        field('Label paths (JSON)', textarea('label_paths', '', {rows: 3}), 'e.g. {"pr": "pull_request.number"}'),
        h('button', {type: 'submit'}, 'Add trigger'));
    onSubmit(form, async v => {
        const body = {type: v.type, label_paths: jsonField('label_paths', v.label_paths)};
        if (v.type === 'webhook') {
            body.signature_scheme = v.signature_scheme;
            if (v.webhook_secret) body.webhook_secret = v.webhook_secret;
            body.filter = jsonField('filter', v.filter);
        } else {
            body.cron_schedule = v.cron_schedule;
        }
        const created = await post(base, body);
        await refresh();
        revealSecret(created);
    });
    return form;
}

/** A schedule input that shows the next five runs as one types, from the schedule-preview endpoint. */
function cronField(value) {
    const preview = h('div', {class: 'preview', 'aria-live': 'polite'});
    let timer;
    const show = async schedule => {
        if (!schedule) return clear(preview);
        try {
            const {next_run_times} = await post(`${AUTOMATIONS}/schedule-preview`, {cron_schedule: schedule});
            clear(preview, h('p', {}, 'Next five runs (UTC):'), times(next_run_times));
        } catch (e) {
            clear(preview, errorBox(e));
        }
    };
    const box = input('cron_schedule', value, {placeholder: '*/15 * * * *', autocomplete: 'off', spellcheck: 'false',
        oninput: e => {
            clearTimeout(timer);
            timer = setTimeout(() => show(e.target.value.trim()), 250);
        }});
    if (value) show(value);
    return h('div', {}, field('Cron schedule', box, 'Five fields, optional CRON_TZ=<zone> prefix, or @hourly/@daily/…'), preview);
}

function times(list) {
    return h('ol', {class: 'times'}, (list || []).map(t => h('li', {}, when(t))));
}

/**
 * The secret of a created or rotated trigger, from the one response that carries it, in the trigger's card (re-drawn
 * with the new rotation times) with focus on it. It lives in this page only: a reload shows it no more.
 */
function revealSecret(t) {
    const card = document.querySelector(`[data-trigger-id="${t.id}"]`);
    if (!t.webhook_secret || !card) return;
    card.insertBefore(h('div', {class: 'secret warning', role: 'alert'},
        h('p', {}, h('strong', {}, 'Copy this secret now. '), 'It is shown only this once; the service keeps it sealed and will never display it again.'),
        t.previous_secret_expires_at ? h('p', {}, 'The previous secret keeps verifying until ', when(t.previous_secret_expires_at),
            '; switch the sender to the new one before then.') : null,
        copyable('New webhook secret', t.webhook_secret, 'webhook-secret')), card.querySelector('form.trigger-settings'));
    card.querySelector('.secret input').focus();
}

export function copyable(label, value, name) {
    const box = input(name, value, {readonly: true, class: 'mono', size: Math.min(80, value.length)});
    const copy = button('Copy', async () => {
        try {
            await navigator.clipboard.writeText(value);
        } catch {
            box.select();
            document.execCommand('copy');
        }
        notify(`${label} copied.`);
    }, {'aria-label': `Copy ${label}`});
    return h('div', {class: 'copy'}, field(label, box), copy);
}

function json(value) {
    return value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}
