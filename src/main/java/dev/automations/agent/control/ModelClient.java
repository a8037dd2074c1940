package dev.automations.agent.control;

import dev.automations.chat.control.ChatTurns.Said;
import dev.automations.model.control.ModelEndpoint;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat-completions call (§15 step 3) through LangChain4j's OpenAI model: the system prompt, then the transcript,
 * with the turn's tools as functions (§16).
 * LangChain4j's retries are off (the turn's retries are durable, in the chat) and so is its request logging, which
 * would print the conversation; the api key travels only in the {@code Authorization} header.
 */
@ApplicationScoped
public class ModelClient {

    private ModelHttp http;
    private Duration timeout;

    protected ModelClient() {
    }

    @Inject
    public ModelClient(AgentSettings settings) {
        this(settings.timeout());
    }

    public ModelClient(Duration timeout) {
        this.timeout = timeout;
        this.http = new ModelHttp(timeout);
    }

    /** A function the model asked to have called; {@code arguments} is the JSON text it sent. */
    public record ToolCall(String id, String name, String arguments) {
    }

    /**
     * The model's text and tool calls (either may be empty, not both) and the tokens it counted; the counts are null
     * when the server reports no usage.
     */
    public record Answer(String text, List<ToolCall> toolCalls, Integer promptTokens, Integer completionTokens) {
    }

    /**
     * @param tools the functions the model may call; none: it must answer in text
     */
    public Answer complete(ModelEndpoint endpoint, List<Said> transcript, List<ToolSpecification> tools) throws ModelFailure {
        OpenAiChatModel model = OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKey())
                .modelName(endpoint.model()).maxTokens(endpoint.maxOutputTokens()).temperature(endpoint.temperature())
                .timeout(timeout).maxRetries(0).logRequests(false).logResponses(false).build();
        List<ChatMessage> messages = new ArrayList<>();
        if (endpoint.systemPrompt() != null && !endpoint.systemPrompt().isBlank()) {
            messages.add(SystemMessage.from(endpoint.systemPrompt()));
        }
        messages.addAll(Transcript.messages(transcript));
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (!tools.isEmpty()) {
            request.toolSpecifications(tools);
        }
        ChatResponse response;
        try {
            response = model.chat(request.build());
        } catch (RuntimeException e) {
            throw ModelFailure.of(e, endpoint.apiKey(), timeout);
        }
        AiMessage said = response.aiMessage();
        String text = said == null || said.text() == null || said.text().isBlank() ? null : said.text();
        List<ToolCall> calls = said == null || !said.hasToolExecutionRequests() ? List.of()
                : said.toolExecutionRequests().stream().map(r -> new ToolCall(r.id(), r.name(), r.arguments())).toList();
        if (text == null && calls.isEmpty()) {
            throw ModelFailure.unusable("the model answered without text (finish reason " + response.finishReason() + ")");
        }
        TokenUsage usage = response.tokenUsage();
        return new Answer(text, calls, usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount());
    }
}
