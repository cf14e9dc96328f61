// Drives codex-server with the official `openai` npm client: chat, streaming with usage, client
// tools (blocking and streamed), models, and a wrong token. Prints one JSON object on stdout.
import OpenAI from 'openai';

const [baseUrl, token] = process.argv.slice(2);
const client = new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: token, maxRetries: 0, timeout: 15000 });
const out = {};

const chat = await client.chat.completions.create({
  model: 'codex-agent',
  messages: [{ role: 'user', content: 'Say hello' }],
});
out.chat = chat.choices[0].message.content;
out.chatFinish = chat.choices[0].finish_reason;

const stream = await client.chat.completions.create({
  model: 'codex-agent',
  messages: [{ role: 'user', content: 'Stream something' }],
  stream: true,
  stream_options: { include_usage: true },
});
let streamed = '';
let chunks = 0;
for await (const chunk of stream) {
  chunks++;
  streamed += chunk.choices[0]?.delta?.content ?? '';
  if (chunk.usage) out.streamUsage = chunk.usage;
}
out.stream = streamed;
out.streamChunks = chunks;

const tools = [{
  type: 'function',
  function: {
    name: 'lookup_order',
    description: 'Looks an order up by id.',
    parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  },
}];
const messages = [{ role: 'user', content: 'Where is order 42?' }];
const first = await client.chat.completions.create({ model: 'codex-agent', messages, tools });
const call = first.choices[0].message.tool_calls[0];
out.toolFinish = first.choices[0].finish_reason;
out.toolCall = { name: call.function.name, arguments: JSON.parse(call.function.arguments) };
messages.push(first.choices[0].message);
messages.push({ role: 'tool', tool_call_id: call.id, content: '{"status":"shipped"}' });
const second = await client.chat.completions.create({ model: 'codex-agent', messages, tools });
out.toolAnswer = second.choices[0].message.content;

const runner = client.chat.completions.stream({
  model: 'codex-agent',
  messages: [{ role: 'user', content: 'And order 7?' }],
  tools,
});
const final = await runner.finalChatCompletion();
const streamedCall = final.choices[0].message.tool_calls[0];
out.streamToolCall = { name: streamedCall.function.name, arguments: JSON.parse(streamedCall.function.arguments), id: streamedCall.id };

out.models = (await client.models.list()).data.map((m) => m.id);

try {
  await new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: 'wrong-token', maxRetries: 0 }).models.list();
  out.badToken = 'accepted';
} catch (e) {
  out.badToken = { status: e.status, code: e.code ?? e.error?.code };
}

console.log(JSON.stringify(out));
