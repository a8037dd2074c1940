package dev.automations.agent.control;

import dev.automations.chat.control.ChatTurns.Said;
import dev.automations.model.control.ModelEndpoint;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat-completions call (§15 step 3) through LangChain4j's OpenAI model: the system prompt, then the transcript.
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

    /** The model's text and the tokens it counted; the counts are null when the server reports no usage. */
    public record Answer(String text, Integer promptTokens, Integer completionTokens) {
    }

    public Answer complete(ModelEndpoint endpoint, List<Said> transcript) throws ModelFailure {
        OpenAiChatModel model = OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKey())
                .modelName(endpoint.model()).maxTokens(endpoint.maxOutputTokens()).temperature(endpoint.temperature())
                .timeout(timeout).maxRetries(0).logRequests(false).logResponses(false).build();
        List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
        if (endpoint.systemPrompt() != null && !endpoint.systemPrompt().isBlank()) {
            messages.add(SystemMessage.from(endpoint.systemPrompt()));
        }
        transcript.forEach(said -> messages.add(said.byAgent() ? AiMessage.from(said.text()) : UserMessage.from(said.text())));
        ChatResponse response;
        try {
            response = model.chat(messages);
        } catch (RuntimeException e) {
            throw ModelFailure.of(e, endpoint.apiKey(), timeout);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw ModelFailure.unusable("the model answered without text (finish reason " + response.finishReason() + ")");
        }
        TokenUsage usage = response.tokenUsage();
        return new Answer(text, usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount());
    }
}
