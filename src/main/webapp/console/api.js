// The public REST API, authenticated by the HttpOnly session cookie the login call sets. Every call sends the
// X-Requested-With header, which the server requires on cookie-authenticated writes: a page of another site can
// neither send it in a form nor add it to a fetch without a CORS grant this service never gives.

export class ApiError extends Error {
    constructor(status, body) {
        super(body?.message || `HTTP ${status}`);
        this.status = status;
        this.detail = body?.detail;
        this.validations = body?.validations || [];
    }
}

let onSignedOut = () => {};

export function whenSignedOut(handler) {
    onSignedOut = handler;
}

export async function api(method, path, body) {
    const headers = {'Accept': 'application/json', 'X-Requested-With': 'automations-console'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
        method, headers, credentials: 'same-origin', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.status === 401 && path !== '/api/v2/users/login') onSignedOut();
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
}

export const get = path => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = path => api('DELETE', path);

/** A query string of the given non-empty parameters. */
export function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? `?${s}` : '';
}

export const AUTOMATIONS = '/api/experimental/automations';
export const CHATS = '/api/experimental/chats';
export const MODEL_CONFIGS = '/api/experimental/model-configs';
export const MCP_SERVERS = '/api/experimental/mcp-servers';
