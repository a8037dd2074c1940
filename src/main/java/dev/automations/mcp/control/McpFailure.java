package dev.automations.mcp.control;

/**
 * An MCP server gave no answer: it could not be reached, did not answer in time, or broke the protocol. The message
 * is fit for the model and the chat: it never carries a header value, even if a server echoed one.
 */
public final class McpFailure extends Exception {

    public enum Kind { UNREACHABLE, TIMEOUT, FAILED }

    private final Kind kind;

    McpFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
