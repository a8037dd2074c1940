package dev.automations.event.control;

import dev.automations.chat.control.ChatBridge;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupChatsTest {

    /** Chats as §9 finds them: the most recently updated, not archived chat carrying every label asked for. */
    static final class Chats implements ChatBridge {
        record Held(UUID id, Map<String, String> labels, long updated, boolean archived) {
        }

        final Map<UUID, Held> chats = new LinkedHashMap<>();
        long clock;
        int searches;

        @Override
        public Optional<UUID> chatToContinue(UUID ownerId, Map<String, String> labels) {
            searches++;
            if (labels.isEmpty()) {
                return Optional.empty();
            }
            return chats.values().stream().filter(c -> !c.archived() && c.labels().entrySet().containsAll(labels.entrySet()))
                    .max(Comparator.comparingLong(Held::updated)).map(Held::id);
        }

        @Override
        public UUID create(NewChat chat, String message, UUID eventId) {
            UUID id = UUID.randomUUID();
            chats.put(id, new Held(id, Map.copyOf(chat.labels()), ++clock, false));
            return id;
        }

        @Override
        public boolean append(UUID chatId, String message, UUID eventId) {
            Held held = chats.get(chatId);
            if (held.archived()) {
                return false;
            }
            chats.put(chatId, new Held(chatId, held.labels(), ++clock, false));
            return true;
        }

        void archive(UUID chatId) {
            Held held = chats.get(chatId);
            chats.put(chatId, new Held(chatId, held.labels(), held.updated(), true));
        }

        UUID existing(Map<String, String> labels) {
            return create(new NewChat(null, null, null, "t", labels, null, List.of(), null), "m", null);
        }
    }

    private final UUID owner = UUID.randomUUID();

    @Test
    void aHotLabelSetIsSearchedOnce() {
        Chats bridge = new Chats();
        UUID chat = bridge.existing(Map.of("repository", "acme/widgets", "issue", "7"));
        GroupChats group = new GroupChats(bridge, owner);
        for (int i = 0; i < 25; i++) {
            Map<String, String> labels = Map.of("repository", "acme/widgets", "issue", "7");
            assertEquals(Optional.of(chat), group.toContinue(labels));
            bridge.append(chat, "m", null);
            group.took(chat, labels, false);
        }
        assertEquals(1, bridge.searches);
    }

    /** Whatever the group fires, each answer is the one a search would give at that moment. */
    @Test
    void answersAreThoseOfAFreshSearchAfterEveryFiring() {
        Random random = new Random(16);
        for (int round = 0; round < 300; round++) {
            Chats bridge = new Chats();
            for (int i = 0; i < 6; i++) {
                bridge.existing(labels(random));
            }
            GroupChats group = new GroupChats(bridge, owner);
            for (int event = 0; event < 25; event++) {
                Map<String, String> labels = labels(random);
                if (random.nextInt(10) == 0 && !bridge.chats.isEmpty()) {
                    // A chat archived elsewhere meanwhile: found gone on appending, as the Coder bridge finds it.
                    bridge.archive(new ArrayList<>(bridge.chats.keySet()).get(random.nextInt(bridge.chats.size())));
                }
                Optional<UUID> expected = bridge.chatToContinue(owner, labels);
                Optional<UUID> chat = group.toContinue(labels);
                while (chat.isPresent() && !bridge.append(chat.get(), "m", null)) {
                    group.gone(chat.get());
                    chat = group.toContinue(labels);
                }
                if (chat.isPresent()) {
                    assertEquals(expected, chat, "round " + round + ", event " + event + ", labels " + labels);
                    group.took(chat.get(), labels, false);
                } else {
                    assertEquals(Optional.empty(), expected, "round " + round + ", event " + event + ", labels " + labels);
                    UUID created = bridge.existing(labels);
                    group.took(created, labels, true);
                }
            }
        }
    }

    /** Two keys and sometimes a third, each with few values and sometimes missing: sets that overlap, contain or contradict each other. */
    private static Map<String, String> labels(Random random) {
        Map<String, String> labels = new HashMap<>();
        for (String key : List.of("repository", "issue", "team")) {
            int value = random.nextInt(key.equals("team") ? 6 : 4);
            if (value < 3) {
                labels.put(key, key + value);
            }
        }
        return labels;
    }
}
