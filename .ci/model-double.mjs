// A stand-in for an OpenAI-compatible model server (Ollama, vLLM, OpenAI), so that CI can run the README's agent
// walkthrough without one. It answers chat completions in OpenAI's documented shape, with a text that says what it
// was sent, so the walkthrough's checks see that the service really called it. Usage: node model-double.mjs <port>
import http from 'node:http';

const port = Number(process.argv[2]);
http.createServer((request, response) => {
  let body = '';
  request.on('data', chunk => { body += chunk; });
  request.on('end', () => {
    if (request.method !== 'POST' || !request.url.endsWith('/chat/completions')) {
      response.writeHead(404, {'Content-Type': 'application/json'});
      response.end(JSON.stringify({error: {message: 'not found', type: 'invalid_request_error'}}));
      return;
    }
    const sent = JSON.parse(body);
    const system = sent.messages.find(message => message.role === 'system');
    const text = `(model double) ${sent.messages.length} messages; system prompt: ${system ? system.content : 'none'}`;
    response.writeHead(200, {'Content-Type': 'application/json'});
    response.end(JSON.stringify({
      id: 'chatcmpl-double', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: sent.model,
      choices: [{index: 0, message: {role: 'assistant', content: text}, finish_reason: 'stop'}],
      usage: {prompt_tokens: body.length, completion_tokens: text.length, total_tokens: body.length + text.length},
    }));
  });
}).listen(port, '127.0.0.1');
