import {post} from './api.js';
import {h, field, input, title, onSubmit} from './dom.js';

export async function signInPage(ctx) {
    const form = h('form', {class: 'card narrow', 'aria-label': 'Sign in'},
        field('Email', input('email', '', {type: 'email', autocomplete: 'username', required: true})),
        field('Password', input('password', '', {type: 'password', autocomplete: 'current-password', required: true})),
        h('button', {type: 'submit'}, 'Sign in'));
    // The response's token is not kept: the HttpOnly cookie the same response sets is the console's session.
    onSubmit(form, async v => {
        await post('/api/v2/users/login', {email: v.email, password: v.password});
        await ctx.signedIn();
    });
    return h('section', {}, title('Sign in'), form);
}
