package dev.automations.chat.control;

import jakarta.persistence.Query;

import java.util.List;
import java.util.Map;

/**
 * "Carries every one of these labels" as a JPQL condition over a label entity with {@code chatId}, {@code key} and
 * {@code value}: with (chat, key) unique, the chats with as many matching label rows as labels asked for have them
 * all. Found from the label index, so the cost follows the chats carrying those labels, not all the owner's chats.
 */
public final class LabelMatch {

    private final List<Map.Entry<String, String>> labels;

    public LabelMatch(Map<String, String> labels) {
        this.labels = List.copyOf(labels.entrySet());
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** @param chatId the path of the chat id in the outer query, e.g. {@code c.id} */
    public String condition(String chatId, String labelEntity) {
        StringBuilder jpql = new StringBuilder(chatId).append(" IN (SELECT l.chatId FROM ").append(labelEntity).append(" l WHERE ");
        for (int i = 0; i < labels.size(); i++) {
            jpql.append(i == 0 ? "" : " OR ").append("(l.key = :k").append(i).append(" AND l.value = :v").append(i).append(')');
        }
        return jpql.append(" GROUP BY l.chatId HAVING COUNT(l) = :labelCount)").toString();
    }

    public <Q extends Query> Q bind(Q query) {
        for (int i = 0; i < labels.size(); i++) {
            query.setParameter("k" + i, labels.get(i).getKey()).setParameter("v" + i, labels.get(i).getValue());
        }
        query.setParameter("labelCount", (long) labels.size());
        return query;
    }
}
